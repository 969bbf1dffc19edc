/**
 * A Slack app manifest (https://api.slack.com/reference/manifests) filled in with one integration's
 * request URLs: "Create New App → From an app manifest" in Slack then sets up the slash command,
 * interactivity, events and the scopes Solmu needs.
 */
export interface SlackRequestUrls {
  commands: string;
  interactivity: string;
  events: string;
}

export function slackManifest(urls: SlackRequestUrls, appName = 'Solmu'): Record<string, unknown> {
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: appName,
      description: 'Log network events (who met, discussed, shared…) to Solmu without leaving Slack.',
      background_color: '#1f4e5f',
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: false, messages_tab_read_only_enabled: false },
      bot_user: { display_name: appName, always_online: false },
      slash_commands: [
        {
          command: '/solmu',
          url: urls.commands,
          description: 'Log a network event, or link your Slack user to Solmu',
          usage_hint: 'discussed @Aino @Eero yesterday what we talked about | link',
          // Mentions then arrive as <@U…|name>, which is what the grammar reads.
          should_escape: true,
        },
      ],
    },
    oauth_config: { scopes: { bot: ['commands', 'chat:write', 'app_mentions:read'] } },
    settings: {
      event_subscriptions: { request_url: urls.events, bot_events: ['app_home_opened', 'app_mention'] },
      interactivity: { is_enabled: true, request_url: urls.interactivity },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    },
  };
}
