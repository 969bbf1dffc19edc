/**
 * Generated from the API's OpenAPI document by `npm run web:schema`. Do not edit by hand:
 * a test (apps/web/scripts/openapi-schema.int-spec.ts) fails when it drifts from the API.
 */

export interface paths {
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SignInMethodsController_methods"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthController_oidcCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthController_oidcLogin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthController_session"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_token"];
        delete: operations["AuthController_revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/links/{kind}/{integrationId}/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ChatLinksController_page"];
        put?: never;
        post: operations["ChatLinksController_link"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/links/{kind}/{integrationId}/{token}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ChatLinksController_preview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["InvitationsController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NetworksController_list"];
        put?: never;
        post: operations["NetworksController_found"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NetworksController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NetworkEventsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AnalysisController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/graph": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AnalysisController_graph"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/graph/steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AnalysisController_steps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ImportsController_run"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/imports/jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ImportsController_job"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/imports/templates/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ImportsController_template"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/integrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["IntegrationsController_list"];
        put?: never;
        post: operations["IntegrationsController_connect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/integrations/{integrationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["IntegrationsController_get"];
        put?: never;
        post?: never;
        delete: operations["IntegrationsController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/integrations/{integrationId}/manifest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["IntegrationsController_manifest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/integrations/{integrationId}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["IntegrationsController_rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/interactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InteractionsController_list"];
        put?: never;
        post: operations["InteractionsController_log"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/interactions/{interactionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InteractionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/interactions/{interactionId}/correct": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["InteractionsController_correct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/interactions/{interactionId}/retract": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["InteractionsController_retract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/interventions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InterventionsController_list"];
        put?: never;
        post: operations["InterventionsController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/interventions/{interventionId}/effect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AnalysisController_effect"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InvitationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MyMembershipController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MembersController_list"];
        put?: never;
        post: operations["MembersController_join"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/members/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MembersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["MembersController_change"];
        trace?: never;
    };
    "/api/networks/{networkId}/members/{memberId}/ego": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AnalysisController_ego"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/members/{memberId}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["MembersController_erase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/members/{memberId}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MembersController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/members/{memberId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["InvitationsController_invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/members/{memberId}/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["MembersController_leave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["NetworksController_changeSettings"];
        trace?: never;
    };
    "/api/networks/{networkId}/ties/{a}/{b}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AnalysisController_tie"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AnalysisController_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/tips": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AnalysisController_tips"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ApiTokensController_list"];
        put?: never;
        post: operations["ApiTokensController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["ApiTokensController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WebhooksController_list"];
        put?: never;
        post: operations["WebhooksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["WebhooksController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/webhooks/{webhookId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WebhooksController_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["WebhooksController_redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/networks/{networkId}/webhooks/{webhookId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["WebhooksController_rotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SetupController_status"];
        put?: never;
        post: operations["SetupController_setUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcceptInvitationRequest: {
            /** @description The token from the invitation link */
            token: string;
        };
        ChangeMemberProfileRequest: {
            /** @description null clears it */
            email?: Record<string, never> | null;
            /**
             * @description Chat identities (coordinators only): slack "<team id>:<user id>", teams the Entra object id, teamsUser the Teams user id "29:…"; null removes one. One identity belongs to at most one member of a network (409 otherwise).
             * @example {
             *       "slack": "T0123ABC:U0456DEF",
             *       "teams": "6b3f2c1e-8d7a-4e5b-9c0d-1a2b3c4d5e6f"
             *     }
             */
            externalIds?: Record<string, never>;
            name?: string;
            /** @description null clears it */
            organisation?: Record<string, never> | null;
            /** @enum {string} */
            role?: "coordinator" | "member";
            /** @enum {string} */
            type?: "company" | "association" | "incubator" | "network_hub" | "international_hub" | "research" | "policy" | "other";
        };
        ChangeNetworkSettingsRequest: {
            /** @description This network’s weights by depth for tie strength; omitted kinds keep the defaults */
            depthWeights?: components["schemas"]["DepthWeightsRequest"];
            /**
             * @description Members see the whole network picture and timeline (coordinators always do)
             * @default true
             */
            membersSeeNetwork: boolean;
            /**
             * @description The network’s IANA time zone (Europe/Helsinki, UTC): dates typed without an offset are read in it from now on, and timeline buckets start at its midnights. Stored instants do not move.
             * @example Europe/Helsinki
             */
            timeZone?: string;
        };
        ConnectIntegrationRequest: {
            /** @description Slack: the bot token (xoxb-…), for the modal, App Home and replies to mentions */
            botToken?: string;
            /** @enum {string} */
            kind: "slack" | "teams";
            /** @description A name for coordinators (the workspace or team) */
            name?: string;
            /** @description Teams: the base64 security token Teams shows when the outgoing webhook is created */
            securityToken?: string;
            /** @description Slack: the app's Signing Secret (Basic Information page) */
            signingSecret?: string;
        };
        CorrectInteractionRequest: {
            /** @enum {string} */
            channel?: "meeting" | "email" | "phone" | "video" | "chat" | "event" | "other";
            /** @description The participant who made contact (direction of the tie) */
            initiator?: string;
            /**
             * @description What happened, on the ladder from getting acquainted to evaluating learning together
             * @enum {string}
             */
            kind: "acquainted" | "discussed" | "exchanged_information" | "explored_collaboration" | "outlined_goals" | "co_developed" | "evaluated_learning";
            /** @description A short note of the content; visible to participants and coordinators */
            note?: string;
            /**
             * @description When it happened; past dates are fine, future ones are not. ISO 8601 (2024-06-30, 2024-06-30T14:00[:05], or with Z / ±hh:mm; years 1800–9999); without an offset it is read in the network’s time zone; a date alone is the start of that day.
             * @example 2025-03-14T10:00:00+02:00
             */
            occurredAt: string;
            /** @description Member ids of everyone who took part (two or more, distinct) */
            participants: string[];
            reason?: string;
        };
        CreateApiTokenRequest: {
            /** @example Slack workspace */
            name: string;
            /**
             * @example [
             *       "interactions:write"
             *     ]
             */
            scopes: ("network:read" | "interactions:write" | "members:write" | "analysis:read")[];
        };
        CreateWebhookRequest: {
            /** @description A note for coordinators (what receives it) */
            description?: string;
            /** @description The events to deliver */
            events: ("interaction.logged" | "interaction.corrected" | "interaction.retracted" | "member.joined" | "member.left" | "phase.changed")[];
            /**
             * @description Where deliveries are POSTed: an http(s) URL of a public receiver
             * @example https://crm.example.com/hooks/solmu
             */
            url: string;
        };
        CredentialsRequest: {
            /** @example aino@example.org */
            email: string;
            password: string;
        };
        DepthWeightsRequest: {
            /** @description A number from 0 to 1000 */
            acquainted?: number;
            /** @description A number from 0 to 1000 */
            co_developed?: number;
            /** @description A number from 0 to 1000 */
            discussed?: number;
            /** @description A number from 0 to 1000 */
            evaluated_learning?: number;
            /** @description A number from 0 to 1000 */
            exchanged_information?: number;
            /** @description A number from 0 to 1000 */
            explored_collaboration?: number;
            /** @description A number from 0 to 1000 */
            outlined_goals?: number;
        };
        FieldProblemSchema: {
            /** @example occurredAt */
            field: string;
            /** @example must not be in the future */
            problem: string;
        };
        FoundNetworkRequest: {
            /** @description The purpose of the network */
            description?: string;
            /**
             * @description When the network started; defaults to now. Past dates import existing histories. ISO 8601 (2024-06-30, 2024-06-30T14:00[:05], or with Z / ±hh:mm; years 1800–9999); without an offset it is read in the network’s time zone; a date alone is the start of that day.
             * @example 2024-01-15T09:00:00Z
             */
            foundedAt?: string;
            /** @example Itä-Uusimaa growth network */
            name: string;
            /**
             * @description The network’s IANA time zone: dates without an offset are read in it and timeline weeks and months start at its midnights. Default: the installation’s SOLMU_TIME_ZONE.
             * @example Europe/Helsinki
             */
            timeZone?: string;
        };
        IntegrationSecretsRequest: {
            /** @description Slack: the bot token (xoxb-…), for the modal, App Home and replies to mentions */
            botToken?: string;
            /** @description Teams: the base64 security token Teams shows when the outgoing webhook is created */
            securityToken?: string;
            /** @description Slack: the app's Signing Secret (Basic Information page) */
            signingSecret?: string;
        };
        InteractionDetailsRequest: {
            /** @enum {string} */
            channel?: "meeting" | "email" | "phone" | "video" | "chat" | "event" | "other";
            /** @description The participant who made contact (direction of the tie) */
            initiator?: string;
            /**
             * @description What happened, on the ladder from getting acquainted to evaluating learning together
             * @enum {string}
             */
            kind: "acquainted" | "discussed" | "exchanged_information" | "explored_collaboration" | "outlined_goals" | "co_developed" | "evaluated_learning";
            /** @description A short note of the content; visible to participants and coordinators */
            note?: string;
            /**
             * @description When it happened; past dates are fine, future ones are not. ISO 8601 (2024-06-30, 2024-06-30T14:00[:05], or with Z / ±hh:mm; years 1800–9999); without an offset it is read in the network’s time zone; a date alone is the start of that day.
             * @example 2025-03-14T10:00:00+02:00
             */
            occurredAt: string;
            /** @description Member ids of everyone who took part (two or more, distinct) */
            participants: string[];
        };
        JoinNetworkRequest: {
            /** @description Used to match the member to an account and to Slack/Teams users; personal data, shown only to the member and coordinators */
            email?: string;
            /**
             * @description When they joined; defaults to now. ISO 8601 (2024-06-30, 2024-06-30T14:00[:05], or with Z / ±hh:mm; years 1800–9999); without an offset it is read in the network’s time zone; a date alone is the start of that day.
             * @example 2024-02-01T00:00:00Z
             */
            joinedAt?: string;
            /**
             * @description Display name
             * @example Aino Virtanen
             */
            name: string;
            /**
             * @description Background organisation
             * @example Posintra Oy
             */
            organisation?: string;
            /**
             * @default member
             * @enum {string}
             */
            role: "coordinator" | "member";
            /**
             * @default other
             * @enum {string}
             */
            type: "company" | "association" | "incubator" | "network_hub" | "international_hub" | "research" | "policy" | "other";
        };
        LeaveNetworkRequest: {
            /** @description When they left; defaults to now. ISO 8601 (2024-06-30, 2024-06-30T14:00[:05], or with Z / ±hh:mm; years 1800–9999); without an offset it is read in the network’s time zone; a date alone is the start of that day. */
            leftAt?: string;
        };
        ProblemResponse: {
            /**
             * @description Stable, for programs: store_unavailable, read_models_behind…
             * @example store_unavailable
             */
            code: string;
            /** @example Service Unavailable */
            error: string;
            /** @description Readable, for people */
            message: string;
            /** @description The fields at fault (empty when none is) */
            problems: components["schemas"]["FieldProblemSchema"][];
            /** @example 503 */
            statusCode: number;
        };
        RecordInterventionRequest: {
            description?: string;
            /** @enum {string} */
            kind: "workshop" | "matchmaking" | "training" | "event" | "communication" | "other";
            /**
             * @description When it took place. ISO 8601 (2024-06-30, 2024-06-30T14:00[:05], or with Z / ±hh:mm; years 1800–9999); without an offset it is read in the network’s time zone; a date alone is the start of that day.
             * @example 2025-03-14T08:00:00+02:00
             */
            occurredAt: string;
            /** @example Matchmaking breakfast */
            title: string;
        };
        RetractInteractionRequest: {
            reason?: string;
        };
        SetUpRequest: {
            /** @example aino@example.org */
            email: string;
            /** @example Aino Virtanen */
            name: string;
            password: string;
            /** @description The one-time token from the set-up link printed at start */
            token: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CredentialsRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    SignInMethodsController_methods: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    AuthController_oidcCallback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    AuthController_oidcLogin: {
        parameters: {
            query?: {
                /** @description Where to go after signing in (a path on this site) */
                returnTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    AuthController_session: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    AuthController_token: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CredentialsRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    AuthController_revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    ChatLinksController_page: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    ChatLinksController_link: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                integrationId: string;
                kind: string;
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    ChatLinksController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                integrationId: string;
                kind: string;
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    InvitationsController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInvitationRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    NetworksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    NetworksController_found: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FoundNetworkRequest"];
            };
        };
        responses: {
            /** @description The network was founded; the answer carries its id. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    NetworksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No such network. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    NetworkEventsController_list: {
        parameters: {
            query?: {
                /** @description Events after this position (from the previous page’s nextAfter) */
                after?: number;
                limit?: number;
            };
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    AnalysisController_export: {
        parameters: {
            query?: {
                /** @description The instant to draw the network at; default now. A date alone means the END of that day (at=2024-06-30 includes 30 June). The answer echoes the instant used (`at`) and the zone (`timeZone`). ISO 8601: 2024-06-30, 2024-06-30T14:00[:05[.250]], or either with Z or ±hh:mm; years 1800–9999. Without an offset it is read in the network’s time zone. */
                at?: string;
                /** @description gexf is the whole history as a dynamic graph for Gephi’s timeline */
                format?: "graphml" | "nodes.csv" | "edges.csv" | "gexf";
                /** @description gexf only: the step of the dynamic tie weights (presence is always exact to the day) */
                interval?: "day" | "week" | "month";
                /** @description Which ties count: cumulative, sliding:<days> or decay:<half-life days> (days > 0); a bad one is 400 invalid_tie_window. */
                window?: string;
            };
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    AnalysisController_graph: {
        parameters: {
            query?: {
                /** @description The instant to draw the network at; default now. A date alone means the END of that day (at=2024-06-30 includes 30 June). The answer echoes the instant used (`at`) and the zone (`timeZone`). ISO 8601: 2024-06-30, 2024-06-30T14:00[:05[.250]], or either with Z or ±hh:mm; years 1800–9999. Without an offset it is read in the network’s time zone. */
                at?: string;
                /** @description false leaves out each tie’s `interactionIds` (its provenance; GET …/ties/:a/:b gives a tie’s history). The network picture draws without them, and on a network of 100,000 interactions they are more than half of the answer (11.0 MB, 4.8 MB without, at 1,000 members). */
                provenance?: "true" | "false";
                /** @description Which ties count: cumulative, sliding:<days> or decay:<half-life days> (days > 0); a bad one is 400 invalid_tie_window. */
                window?: string;
            };
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    AnalysisController_steps: {
        parameters: {
            query?: {
                /** @description The slider stops at the end of each week or month (in the network’s time zone) from the founding, and now; more than 400 stops is 400 too_many_buckets naming interval. */
                interval?: "week" | "month";
                /** @description Which ties count: cumulative, sliding:<days> or decay:<half-life days> (days > 0); a bad one is 400 invalid_tie_window. */
                window?: string;
            };
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    ImportsController_run: {
        parameters: {
            query?: {
                /** @description with commit: answer at once with a job to poll */
                background?: "true" | "false";
                /** @description write it (default: a dry run that writes nothing) */
                commit?: "true" | "false";
                /** @description GEXF/GraphML: the day the map’s ties are logged on (YYYY-MM-DD) */
                date?: string;
            };
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description CSV, XLSX, GEXF or GraphML
                     */
                    file: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    ImportsController_job: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                jobId: string;
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    ImportsController_template: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: string;
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    IntegrationsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    IntegrationsController_connect: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConnectIntegrationRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    IntegrationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                integrationId: string;
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    IntegrationsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                integrationId: string;
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    IntegrationsController_manifest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                integrationId: string;
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    IntegrationsController_rotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                integrationId: string;
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IntegrationSecretsRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    InteractionsController_list: {
        parameters: {
            query?: {
                /** @description From the previous page’s nextCursor */
                cursor?: string;
                /** @description occurredAt on or after this instant; a date alone is the start of that day. ISO 8601 (2024-06-30, 2024-06-30T14:00[:05], or with Z / ±hh:mm; years 1800–9999); without an offset it is read in the network’s time zone. */
                from?: string;
                includeRetracted?: boolean;
                kind?: "acquainted" | "discussed" | "exchanged_information" | "explored_collaboration" | "outlined_goals" | "co_developed" | "evaluated_learning";
                limit?: number;
                /** @description Only interactions this member took part in */
                member?: string;
                /** @description occurredAt before this instant; a date alone includes that whole day. ISO 8601 (2024-06-30, 2024-06-30T14:00[:05], or with Z / ±hh:mm; years 1800–9999); without an offset it is read in the network’s time zone. */
                to?: string;
            };
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    InteractionsController_log: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry safely: the same key and body give the same answer and one event */
                "Idempotency-Key"?: string;
            };
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InteractionDetailsRequest"];
            };
        };
        responses: {
            /** @description A rule is broken (participant not a member on that date, future date…) or the key was used with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    InteractionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                interactionId: string;
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    InteractionsController_correct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                interactionId: string;
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CorrectInteractionRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    InteractionsController_retract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                interactionId: string;
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetractInteractionRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    InterventionsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    InterventionsController_record: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordInterventionRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    AnalysisController_effect: {
        parameters: {
            query?: {
                /** @description Days after the intervention to compare with */
                days?: number;
                /** @description Which ties count: cumulative, sliding:<days> or decay:<half-life days> (days > 0); a bad one is 400 invalid_tie_window. */
                window?: string;
            };
            header?: never;
            path: {
                interventionId: string;
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    InvitationsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    MyMembershipController_me: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No such network, or not one the caller can see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    MembersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    MembersController_join: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JoinNetworkRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    MembersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                memberId: string;
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    MembersController_change: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                memberId: string;
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeMemberProfileRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    AnalysisController_ego: {
        parameters: {
            query?: {
                /** @description The instant to draw the network at; default now. A date alone means the END of that day (at=2024-06-30 includes 30 June). The answer echoes the instant used (`at`) and the zone (`timeZone`). ISO 8601: 2024-06-30, 2024-06-30T14:00[:05[.250]], or either with Z or ±hh:mm; years 1800–9999. Without an offset it is read in the network’s time zone. */
                at?: string;
                /** @description Which ties count: cumulative, sliding:<days> or decay:<half-life days> (days > 0); a bad one is 400 invalid_tie_window. */
                window?: string;
            };
            header?: never;
            path: {
                memberId: string;
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    MembersController_erase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                memberId: string;
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    MembersController_export: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                memberId: string;
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    InvitationsController_invite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                memberId: string;
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    MembersController_leave: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                memberId: string;
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeaveNetworkRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    NetworksController_changeSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeNetworkSettingsRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    AnalysisController_tie: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                a: string;
                b: string;
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    AnalysisController_timeline: {
        parameters: {
            query?: {
                /** @description First bucket: the one containing this instant; default the founding. A date alone is the start of that day. Phases are read from the founding whatever `from` is. ISO 8601: 2024-06-30, 2024-06-30T14:00[:05[.250]], or either with Z or ±hh:mm; years 1800–9999. Without an offset it is read in the network’s time zone. */
                from?: string;
                /** @description Bucket size, drawn at the network’s midnights. Default: the finest of month, quarter and year that draws at most 240 buckets from `from` (default the founding) to `to`; the answer says which (`interval`, `intervalSource: default`). An explicit interval over more than 1,100 buckets is 422 too_many_buckets. */
                interval?: "week" | "month" | "quarter" | "year";
                /** @description Last bucket: the one containing this instant; default now (so a network gone quiet shows as dormant). A date alone is the end of that day. ISO 8601: 2024-06-30, 2024-06-30T14:00[:05[.250]], or either with Z or ±hh:mm; years 1800–9999. Without an offset it is read in the network’s time zone. */
                to?: string;
                /** @description Which ties count: cumulative, sliding:<days> or decay:<half-life days> (days > 0); a bad one is 400 invalid_tie_window. */
                window?: string;
            };
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    AnalysisController_tips: {
        parameters: {
            query?: {
                /** @description The instant to draw the network at; default now. A date alone means the END of that day (at=2024-06-30 includes 30 June). The answer echoes the instant used (`at`) and the zone (`timeZone`). ISO 8601: 2024-06-30, 2024-06-30T14:00[:05[.250]], or either with Z or ±hh:mm; years 1800–9999. Without an offset it is read in the network’s time zone. */
                at?: string;
                /** @description Which ties count: cumulative, sliding:<days> or decay:<half-life days> (days > 0); a bad one is 400 invalid_tie_window. */
                window?: string;
            };
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    ApiTokensController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    ApiTokensController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiTokenRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    ApiTokensController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                tokenId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    WebhooksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    WebhooksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookRequest"];
            };
        };
        responses: {
            /** @description The webhook, with its signing secret (whsec_…) shown this once. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    WebhooksController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    WebhooksController_deliveries: {
        parameters: {
            query?: {
                /** @description From the previous page’s nextCursor */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                networkId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    WebhooksController_redeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
                networkId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery is due again now (retried for another day); a disabled webhook is switched back on. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    WebhooksController_rotateSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    SetupController_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    SetupController_setUp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetUpRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
}
