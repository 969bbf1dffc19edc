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
             * @description When it happened (ISO 8601); past dates are fine, future ones are not
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
        CredentialsRequest: {
            /** @example aino@example.org */
            email: string;
            password: string;
        };
        DepthWeightsRequest: {
            acquainted?: number;
            co_developed?: number;
            discussed?: number;
            evaluated_learning?: number;
            exchanged_information?: number;
            explored_collaboration?: number;
            outlined_goals?: number;
        };
        FoundNetworkRequest: {
            /** @description The purpose of the network */
            description?: string;
            /**
             * @description When the network started (ISO 8601); defaults to now. Past dates import existing histories.
             * @example 2024-01-15T09:00:00Z
             */
            foundedAt?: string;
            /** @example Itä-Uusimaa growth network */
            name: string;
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
             * @description When it happened (ISO 8601); past dates are fine, future ones are not
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
             * @description When they joined (ISO 8601); defaults to now
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
            /** @description When they left (ISO 8601); defaults to now */
            leftAt?: string;
        };
        RecordInterventionRequest: {
            description?: string;
            /** @enum {string} */
            kind: "workshop" | "matchmaking" | "training" | "event" | "communication" | "other";
            /**
             * @description When it took place (ISO 8601)
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
        };
    };
    AnalysisController_export: {
        parameters: {
            query?: {
                /** @description The date to draw the network at (ISO 8601); default now. Past dates answer from the full log. */
                at?: string;
                /** @description gexf is the whole history as a dynamic graph for Gephi’s timeline */
                format?: "graphml" | "nodes.csv" | "edges.csv" | "gexf";
                /** @description Which ties count: cumulative, sliding:<days> or decay:<half-life days> */
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
        };
    };
    AnalysisController_graph: {
        parameters: {
            query?: {
                /** @description The date to draw the network at (ISO 8601); default now. Past dates answer from the full log. */
                at?: string;
                /** @description Which ties count: cumulative, sliding:<days> or decay:<half-life days> */
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
        };
    };
    InteractionsController_list: {
        parameters: {
            query?: {
                /** @description From the previous page’s nextCursor */
                cursor?: string;
                /** @description occurredAt on or after (ISO 8601) */
                from?: string;
                includeRetracted?: boolean;
                kind?: "acquainted" | "discussed" | "exchanged_information" | "explored_collaboration" | "outlined_goals" | "co_developed" | "evaluated_learning";
                limit?: number;
                /** @description Only interactions this member took part in */
                member?: string;
                /** @description occurredAt before (ISO 8601) */
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
        };
    };
    AnalysisController_effect: {
        parameters: {
            query?: {
                /** @description Days after the intervention to compare with */
                days?: number;
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
        };
    };
    AnalysisController_ego: {
        parameters: {
            query?: {
                /** @description The date to draw the network at (ISO 8601); default now. Past dates answer from the full log. */
                at?: string;
                /** @description Which ties count: cumulative, sliding:<days> or decay:<half-life days> */
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
        };
    };
    AnalysisController_timeline: {
        parameters: {
            query?: {
                /** @description First day (ISO 8601); default the founding */
                from?: string;
                interval?: "week" | "month" | "quarter";
                /** @description Last day (ISO 8601); default now */
                to?: string;
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
        };
    };
    AnalysisController_tips: {
        parameters: {
            query?: {
                /** @description The date to draw the network at (ISO 8601); default now. Past dates answer from the full log. */
                at?: string;
                /** @description Which ties count: cumulative, sliding:<days> or decay:<half-life days> */
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
        };
    };
}
