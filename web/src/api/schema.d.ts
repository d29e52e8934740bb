// Generated from GET /openapi.json by openapi-typescript (test/web/api-types.test.ts).
// Do not edit: run `npm run api-types` after changing the API.
export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** CheckCertificate: the APNs certificates of an app (Action=CheckCertificate&AppKey=N in the query, signed with an access key as the Alibaba Cloud SDKs sign) */
        get: operations["checkCertificate"];
        put?: never;
        /** CheckCertificate: the APNs certificates of an app (Action=CheckCertificate&AppKey=N in an application/x-www-form-urlencoded body or the query, signed with an access key as the Alibaba Cloud SDKs sign) */
        post: operations["checkCertificateByForm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/deployments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The deployment key's target's deployments with their current versions; a long poll with If-None-Match and wait
         * @description Answers at once when the listing differs from the ETag in If-None-Match (or none is sent). Otherwise waits up to `wait` seconds for a change (a new version, a deployment bound or asked for) and answers 304 with no body when none came.
         */
        get: operations["listAgentDeployments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/deployments/{deploymentId}/certificate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current version of one of the key's deployments, with its private key (for privkey.pem) */
        get: operations["getAgentDeploymentCertificate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/deployments/{deploymentId}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report what the agent did with a version: written and reloaded (deployed), or why not (failed) */
        post: operations["reportAgentDeploymentOutcome"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/certexpirydetails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Expiry of the APNs certificates of every app (or of one app) and of every pass certificate */
        get: operations["getCertExpiryDetails"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation with a password of one's own, and sign in */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/invitations/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Whose an invitation is (the token from the link /invite#TOKEN, sent in the body so that no log keeps it) */
        post: operations["lookUpInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, the CSRF token of this session, and the user's memberships */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the OpenID Connect provider sends the browser back: signs in (the session cookie, as password sign-in) and 302 to the page the sign-in started from, or 302 to /?sso_error=<reason> */
        get: operations["finishSingleSignOn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sign in through the OpenID Connect provider: 302 to it (a browser navigation, not a fetch). 404 sso_not_configured without CERTKEEPER_OIDC_ISSUER */
        get: operations["startSingleSignOn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How one signs in here: whether the first administrator is still to be created, whether single sign-on is offered */
        get: operations["getAuthOptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change one's own password: the other sessions of the account end, this one stays */
        post: operations["changeOwnPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's sessions that have not ended, newest first */
        get: operations["listOwnSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of one's own sessions on every server (this one included: then the cookie is removed) */
        delete: operations["revokeOwnSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create the first administrator (a superuser account) with the setup code printed at start, and sign in */
        post: operations["setUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password: sets the session cookie and returns the CSRF token */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session on every server, and remove the cookie */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail of no project: sign-ins and their failures and locks, sessions, users, organizations and their members (superuser; newest first; since and until: a time window) */
        get: operations["listDeploymentEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organizations the key can see */
        get: operations["listOrganizations"];
        put?: never;
        /** Create an organization (superuser) */
        post: operations["createOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}": {
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
        /** Disable or enable an organization (superuser): a disabled organization's API and access keys are refused */
        patch: operations["updateOrganization"];
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The members of the organization (a role in every project of it), by email (admin) */
        get: operations["listOrganizationMembers"];
        put?: never;
        /** Give a person a role in the organization (a role in every project of it) (admin); an email without an account is invited, and the invitation returned once */
        post: operations["addOrganizationMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take a member's role in the organization (a role in every project of it) away (admin); a pending member's invitation is withdrawn with its last role */
        delete: operations["removeOrganizationMember"];
        options?: never;
        head?: never;
        /** Change a member's role in the organization (a role in every project of it) (admin) */
        patch: operations["updateOrganizationMember"];
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organization's ACME settings */
        get: operations["getOrganizationSettings"];
        /** Change an organization's ACME directory and contact (superuser or organization admin) */
        put: operations["updateOrganizationSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the projects the key covers */
        get: operations["listProjects"];
        put?: never;
        /** Create a project in an organization */
        post: operations["createProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a project */
        get: operations["getProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/access-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the project access keys (no secrets) */
        get: operations["listAccessKeys"];
        put?: never;
        /** Create an access key for signed (Alibaba Cloud SDK) requests (admin); the secret is shown once */
        post: operations["createAccessKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/access-keys/{accessKeyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an access key: signed requests with it fail at once */
        delete: operations["revokeAccessKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the project API keys (no secrets) */
        get: operations["listApiKeys"];
        put?: never;
        /** Create an API key for the project (admin); the key is shown once */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the apps of a project (paged, by appId) */
        get: operations["listApps"];
        put?: never;
        /** Create an app (appId unique in the organization; appKey assigned) */
        post: operations["createApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/apps/{appId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an app */
        get: operations["getApp"];
        put?: never;
        post?: never;
        /** Delete an app and its bindings (the certificates stay); returns the deleted app */
        delete: operations["deleteApp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/apps/{appId}/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an app's APNs certificates with status and expiry, the soonest to expire first */
        get: operations["listAppCertificates"];
        /** Bind an inventory APNs certificate for a platform and environment (checked against the app unless force) */
        put: operations["bindAppCertificate"];
        post?: never;
        /** Unbind the certificate of a platform and environment; returns the binding as it was */
        delete: operations["unbindAppCertificate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/apps/{appId}/certificates/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a PKCS#12 APNs certificate and bind it for the platform in every environment it serves */
        post: operations["importAppCertificate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/apps/{appId}/push-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check the certificates bound in an environment against APNs now (one push to a dummy device token); stores and returns the verdict */
        post: operations["checkAppPush"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/apps/{appId}/push-results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report push outcomes from your sender: one, or a batch {results: [...]} of up to 500. A certificate-caused rejection (TLS alert 42/44/45, 403 BadCertificate/BadCertificateEnvironment) marks the certificate REVOKED in that environment */
        post: operations["reportPushResults"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List certificates (paged, filtered, sorted) */
        get: operations["listCertificates"];
        put?: never;
        /** Create a managed certificate: certkeeper orders it through ACME (answers at once with PendingValidation and, for dns-01, the TXT records to publish) */
        post: operations["createCertificate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/certificates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a certificate */
        get: operations["getCertificate"];
        /** Change the scope of a certificate */
        put: operations["updateCertificateScope"];
        post?: never;
        /** Delete a certificate and its key material; returns the deleted record */
        delete: operations["deleteCertificate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/certificates/{id}/chain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The certificate and its chain as PEM (public material only) */
        get: operations["getCertificateChain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/certificates/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Export the certificate with its private key (admin only; recorded in events) */
        post: operations["exportCertificate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/certificates/{id}/mute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the project muted one of its certificates (viewer); false through a project it is shared with */
        get: operations["getCertificateMute"];
        /** Mute (never send its alerts) or unmute one of the project's own certificates (editor); its thresholds and expiry are still recorded, marked muted */
        put: operations["muteCertificate"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/certificates/{id}/renew": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Renew a managed certificate now (same id, new sslCertificateId; the earlier material stays in versions) */
        post: operations["renewCertificate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/certificates/{id}/revocation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The last revocation answer about the certificate's current material; null when it was never checked */
        get: operations["getCertificateRevocation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/certificates/{id}/revocation-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check revocation now (CRL first, then OCSP; the issuer must be in the stored chain). A cached answer is returned until its nextUpdate unless force is true. A revoked answer sets the status Revoked */
        post: operations["checkCertificateRevocation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/certificates/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a managed certificate at the CA */
        post: operations["revokeCertificate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/certificates/{id}/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Validate: tell the CA the challenge records are in place, wait for validation, issue (Active) or fail (Failed, with the CA problem in errors) */
        put: operations["validateCertificate"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/certificates/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The material history of a certificate, newest first */
        get: operations["listCertificateVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/certificates/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a certificate: PEM (or base64 DER) with optional key and chain, or a PKCS#12 file */
        post: operations["importCertificate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/certificates/import-batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import up to 500 certificates in one request (bulk import): each item as in /import; failures do not stop the others */
        post: operations["importCertificates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's dashboard (viewer): counts by status and kind, the expiry timeline by week, what expires next, what needs a person, the latest events */
        get: operations["getProjectDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/deployment-targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's deployment targets */
        get: operations["listDeploymentTargets"];
        put?: never;
        /**
         * Add a deployment target (admin); secrets in its config are stored encrypted and never returned
         * @description Refusals of the config (400): `deployment_config_invalid`, `deployment_target_type_unknown`, `deployment_path_invalid`, `deployment_hook_invalid` (local), `ssh_host_forbidden`, `ssh_host_key_invalid`, `ssh_private_key_invalid`, `ssh_credentials_missing` (ssh), `validation_failed` (the body's shape); 409: `deploy_root_not_configured`, `deploy_hooks_not_configured` (local), `deployment_target_already_exists`.
         */
        post: operations["createDeploymentTarget"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/deployment-targets/{targetId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A deployment target */
        get: operations["getDeploymentTarget"];
        /**
         * Change a deployment target (admin): absent fields are kept; a changed config deploys every deployment of the target again
         * @description Refusals of the config (400): `deployment_config_invalid`, `deployment_target_type_unknown`, `deployment_path_invalid`, `deployment_hook_invalid` (local), `ssh_host_forbidden`, `ssh_host_key_invalid`, `ssh_private_key_invalid`, `ssh_credentials_missing` (ssh), `validation_failed` (the body's shape); 409: `deploy_root_not_configured`, `deploy_hooks_not_configured` (local), `deployment_target_already_exists`.
         */
        put: operations["updateDeploymentTarget"];
        post?: never;
        /** Delete a deployment target without deployments (admin); returns it as it was */
        delete: operations["deleteDeploymentTarget"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/deployment-targets/{targetId}/agent-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new deployment key for an agent target (admin), shown once; the target's earlier keys are revoked */
        post: operations["rotateDeploymentTargetAgentKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/deployments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's deployments with their status (paged, oldest first) */
        get: operations["listDeployments"];
        put?: never;
        /** Bind a certificate to a target (admin) and deploy its current version now; every later version is deployed on its own */
        post: operations["createDeployment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/deployments/{deploymentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A deployment: status, the fingerprint deployed, attempts and the last error */
        get: operations["getDeployment"];
        put?: never;
        post?: never;
        /** Unbind (admin): later versions are not deployed; the files already written are left in place */
        delete: operations["deleteDeployment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/deployments/{deploymentId}/deploy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deploy the current version again now (editor) and answer the outcome */
        post: operations["deployDeployment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the watched endpoints of a project with their last probe (paged, oldest first); certificateId= those serving that certificate */
        get: operations["listEndpoints"];
        put?: never;
        /** Watch an endpoint (editor); link-local and cloud metadata addresses are refused unless the configuration allows them */
        post: operations["createEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/endpoints/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a watched endpoint with its last probe's findings */
        get: operations["getEndpoint"];
        put?: never;
        post?: never;
        /** Stop watching an endpoint; returns it as it was */
        delete: operations["deleteEndpoint"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/endpoints/{endpointId}/probe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Probe the endpoint now (editor) and answer with the result */
        post: operations["probeEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project audit trail: who changed what, when (newest first); objectType and objectId together: the events of one object; since and until: a time window */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The members of the project, by email (admin) */
        get: operations["listProjectMembers"];
        put?: never;
        /** Give a person a role in the project (admin); an email without an account is invited, and the invitation returned once */
        post: operations["addProjectMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take a member's role in the project away (admin); a pending member's invitation is withdrawn with its last role */
        delete: operations["removeProjectMember"];
        options?: never;
        head?: never;
        /** Change a member's role in the project (admin) */
        patch: operations["updateProjectMember"];
        trace?: never;
    };
    "/api/v1/projects/{projectId}/notification-channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's notification channels */
        get: operations["listNotificationChannels"];
        put?: never;
        /** Add a notification channel (admin); secrets are stored encrypted and never returned */
        post: operations["createNotificationChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/notification-channels/{channelId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A notification channel */
        get: operations["getNotificationChannel"];
        /** Change a notification channel (admin): absent fields are kept */
        put: operations["updateNotificationChannel"];
        post?: never;
        /** Delete a notification channel and its deliveries (admin) */
        delete: operations["deleteNotificationChannel"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/notification-channels/{channelId}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test message now (admin) and answer the delivery outcome */
        post: operations["testNotificationChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/notification-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's notification policy: thresholds, lifetime fractions, digest */
        get: operations["getNotificationPolicy"];
        /** Change the project's notification policy (admin); fields left out are kept */
        put: operations["updateNotificationPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log: every message to every channel, newest first, with the last response */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/notifications/{notificationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery */
        get: operations["getNotification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/notifications/{notificationId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now (admin), as a new delivery that is retried like any other */
        post: operations["redeliverNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the services of a project (paged, oldest first) */
        get: operations["listServices"];
        put?: never;
        /** Create a service */
        post: operations["createService"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/services/{serviceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a service */
        get: operations["getService"];
        put?: never;
        post?: never;
        /** Delete a service and all its domains; returns the deleted service */
        delete: operations["deleteService"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/services/{serviceId}/domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the domains of a service with their certificates (paged, by name) */
        get: operations["listServiceDomains"];
        put?: never;
        /** Add a domain to a service (IDN names are stored as punycode; wildcards as *.example.com) */
        post: operations["addServiceDomain"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/services/{serviceId}/domains/{domain}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a domain from a service; returns it as it was */
        delete: operations["removeServiceDomain"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/services/{serviceId}/domains/{domain}/autocert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Request an automatic certificate for a domain (ACME: http-01, or dns-01 through the project's DNS provider); issuing, then issued or failed */
        post: operations["requestDomainAutocert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/services/{serviceId}/domains/{domain}/certificate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Attach an inventory certificate to a domain (manual); its names must cover the domain (RFC 6125) */
        put: operations["attachDomainCertificate"];
        post?: never;
        /** Detach the certificate of a domain (it has none afterwards) */
        delete: operations["detachDomainCertificate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's issuance settings (secrets never shown) */
        get: operations["getProjectSettings"];
        /** Change a project's issuance settings (admin): absent fields are kept, null clears */
        put: operations["updateProjectSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/sweep": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sweep the project now (admin): record thresholds crossed and expiries as events, notify, and answer with what was found */
        post: operations["sweepProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the user accounts (superuser) */
        get: operations["listUsers"];
        put?: never;
        /** Create a user account (superuser); without a password, the account is invited and the invitation is returned once */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a user account with its memberships; its sessions end at once (superuser) */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{userId}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a user's password (superuser): the user's sessions end, an invitation ends */
        post: operations["setUserPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics (text format 0.0.4)
         * @description Per-certificate gauges (certkeeper_certificate_not_after_seconds, _days_left, _status), counters (issuance, notifications, probes), HTTP request durations and process metrics. Bearer CERTKEEPER_METRICS_TOKEN or a superuser key, unless CERTKEEPER_METRICS_PUBLIC.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database answers */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/scm/certificates/{certificate_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Details of a certificate by its 16-character id */
        get: operations["getScmCertificate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/waap/v1.0/services/{serviceId}/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The certificate attached to a domain of a service */
        get: operations["getWaapDomainCertificate"];
        put?: never;
        post?: never;
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
        CheckCertificateError: {
            /** @description docs/compat-errors.md */
            Code: string;
            HostId: string;
            Message: string;
            RequestId: string;
        };
        ErrorEnvelope: {
            /** @description stable machine-readable error code (docs/errors.md) */
            code: string;
            errors: string[];
            messages: string[];
            result: null;
            resultInfo: null;
            success: boolean;
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
    checkCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        Android: boolean;
                        DevelopmentCertInfo?: {
                            /** @description notAfter in Unix epoch milliseconds (Alibaba Cloud spells it ExipreTime) */
                            ExipreTime: number;
                            /** @description OK, EXPIRED or REVOKED */
                            Status: string;
                        };
                        IOS: boolean;
                        ProductionCertInfo?: {
                            /** @description notAfter in Unix epoch milliseconds (Alibaba Cloud spells it ExipreTime) */
                            ExipreTime: number;
                            /** @description OK, EXPIRED or REVOKED */
                            Status: string;
                        };
                        RequestId: string;
                    };
                };
            };
            /** @description Bad Request: Code is one of IncompleteSignature, InvalidSignatureMethod, InvalidSignatureVersion, InvalidTimeStamp.Format, InvalidTimeStamp.Expired, InvalidAccessKeyId.NotFound, SignatureDoesNotMatch, SignatureNonceUsed, InvalidAction.NotFound, MissingAppKey, InvalidParameter, InvalidAppKey.NotFound, PermissionDenied, AccountDisabled */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckCertificateError"];
                };
            };
            /** @description Internal Server Error: Code is one of InternalError */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckCertificateError"];
                };
            };
        };
    };
    checkCertificateByForm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        Android: boolean;
                        DevelopmentCertInfo?: {
                            /** @description notAfter in Unix epoch milliseconds (Alibaba Cloud spells it ExipreTime) */
                            ExipreTime: number;
                            /** @description OK, EXPIRED or REVOKED */
                            Status: string;
                        };
                        IOS: boolean;
                        ProductionCertInfo?: {
                            /** @description notAfter in Unix epoch milliseconds (Alibaba Cloud spells it ExipreTime) */
                            ExipreTime: number;
                            /** @description OK, EXPIRED or REVOKED */
                            Status: string;
                        };
                        RequestId: string;
                    };
                };
            };
            /** @description Bad Request: Code is one of IncompleteSignature, InvalidSignatureMethod, InvalidSignatureVersion, InvalidTimeStamp.Format, InvalidTimeStamp.Expired, InvalidAccessKeyId.NotFound, SignatureDoesNotMatch, SignatureNonceUsed, InvalidAction.NotFound, MissingAppKey, InvalidParameter, InvalidAppKey.NotFound, PermissionDenied, AccountDisabled */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckCertificateError"];
                };
            };
            /** @description Internal Server Error: Code is one of InternalError */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckCertificateError"];
                };
            };
        };
    };
    listAgentDeployments: {
        parameters: {
            query?: {
                /** @description seconds to wait for a change when If-None-Match is current (0 to 60, default 0) */
                wait?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description also the ETag header: send it back in If-None-Match to wait for a change */
                            etag: string;
                            items: {
                                certificateId: number;
                                deployedFingerprintSha256: string | null;
                                domainName: string;
                                fingerprintSha256: string | null;
                                id: number;
                                /** @description the folder the agent writes into, under its --dir */
                                name: string;
                                /** @description a deploy was asked for: write again even an unchanged version */
                                requested: boolean;
                                sslCertificateId: string | null;
                                status: "pending" | "deployed" | "verified" | "failed";
                            }[];
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description nothing changed within `wait` */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getAgentDeploymentCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deploymentId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            certificatePem: string;
                            /** @description the issuers, the leaf's issuer first; empty when none was stored */
                            chainPem: string;
                            deploymentId: number;
                            fingerprintSha256: string;
                            name: string;
                            /** @description PKCS#8 PEM: written to privkey.pem with mode 0600 */
                            privateKeyPem: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    reportAgentDeploymentOutcome: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deploymentId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    error?: {
                        code?: "deployment_write_failed" | "deploy_hook_failed" | "deployment_path_invalid";
                        /** Format: single-line-text */
                        message?: string;
                    };
                    /** @description SHA-256 of the certificate (hex) */
                    fingerprintSha256: string;
                    ok: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            certificateId: number;
                            deployedFingerprintSha256: string | null;
                            domainName: string;
                            fingerprintSha256: string | null;
                            id: number;
                            /** @description the folder the agent writes into, under its --dir */
                            name: string;
                            /** @description a deploy was asked for: write again even an unchanged version */
                            requested: boolean;
                            sslCertificateId: string | null;
                            status: "pending" | "deployed" | "verified" | "failed";
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getCertExpiryDetails: {
        parameters: {
            query?: {
                appId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appCertificates: {
                            appId: string;
                            certificates: {
                                /** @description Production or Development */
                                certificateType: string;
                                daysLeft: number;
                                /** @description dd MMM, yyyy hh.mm:ss a zzz in CERTKEEPER_DISPLAY_TIME_ZONE */
                                expiryDate: string;
                                /** @description iPhone or iPad */
                                platform: string;
                            }[];
                        }[];
                        /** @description left out when appId is given */
                        passCertificates?: {
                            daysLeft: number;
                            expiryDate: string;
                            passCertificateName: string;
                            passTeamIdentifier: string;
                            passTypeIdentifier: string;
                        }[];
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: single-line-text */
                    password: string;
                    /** Format: single-line-text */
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description send it as X-CSRF-Token with every request that changes something */
                            csrfToken: string;
                            /**
                             * Format: date-time
                             * @description when the session ends unless it is used again (the earlier of its idle and absolute ends)
                             */
                            expiresAt: string;
                            user: {
                                email: string;
                                /** Format: uuid */
                                id: string;
                                superuser: boolean;
                            };
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    lookUpInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: single-line-text */
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            email: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            csrfToken: string;
                            memberships: {
                                /** Format: uuid */
                                organizationId: string;
                                organizationName: string;
                                /** @description null: every project of the organization */
                                projectId: string | null;
                                projectName: string | null;
                                role: string;
                            }[];
                            user: {
                                email: string;
                                /** Format: uuid */
                                id: string;
                                superuser: boolean;
                            };
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    finishSingleSignOn: {
        parameters: {
            query?: {
                /** @description the authorization code */
                code?: string;
                /** @description the provider's OAuth error, instead of a code */
                error?: string;
                /** @description its explanation */
                error_description?: string;
                /** @description a page about it */
                error_uri?: string;
                /** @description the issuer (RFC 9207) */
                iss?: string;
                /** @description the provider's session (OpenID Connect session management) */
                session_state?: string;
                /** @description the state sent at the start */
                state?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description signed in: to the page the sign-in started from (/ by default); failed: to /?sso_error=<reason> */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    startSingleSignOn: {
        parameters: {
            query?: {
                /** @description a path of this site to land on once signed in (anything else lands on /) */
                returnTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description to the provider's authorization endpoint, with the sign-in's cookie; or to /?sso_error=provider_unreachable */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getAuthOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description no user account exists yet: POST /auth/setup with the setup code the server printed */
                            setupRequired: boolean;
                            sso: boolean;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
        };
    };
    changeOwnPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: single-line-text */
                    currentPassword: string;
                    /** Format: single-line-text */
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: null;
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too Many Requests: code is one of sign_in_locked */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listOwnSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            address: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description the session of this request */
                            current: boolean;
                            /**
                             * Format: date-time
                             * @description when it ends unless it is used again
                             */
                            expiresAt: string;
                            /** Format: uuid */
                            id: string;
                            /**
                             * Format: date-time
                             * @description the last request (written at most once a minute)
                             */
                            lastSeenAt: string;
                            userAgent: string | null;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    revokeOwnSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: null;
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    setUp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: single-line-text */
                    email: string;
                    /** Format: single-line-text */
                    password: string;
                    /** Format: single-line-text */
                    setupCode: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description send it as X-CSRF-Token with every request that changes something */
                            csrfToken: string;
                            /**
                             * Format: date-time
                             * @description when the session ends unless it is used again (the earlier of its idle and absolute ends)
                             */
                            expiresAt: string;
                            user: {
                                email: string;
                                /** Format: uuid */
                                id: string;
                                superuser: boolean;
                            };
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: single-line-text */
                    email: string;
                    /** Format: single-line-text */
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description send it as X-CSRF-Token with every request that changes something */
                            csrfToken: string;
                            /**
                             * Format: date-time
                             * @description when the session ends unless it is used again (the earlier of its idle and absolute ends)
                             */
                            expiresAt: string;
                            user: {
                                email: string;
                                /** Format: uuid */
                                id: string;
                                superuser: boolean;
                            };
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too Many Requests: code is one of sign_in_locked */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: null;
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listDeploymentEvents: {
        parameters: {
            query?: {
                /** @description 1-based page number */
                pageIndex?: number;
                pageSize?: number;
                /** @description only events at or after this instant */
                since?: string;
                type?: string;
                /** @description only events before this instant */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            actor: string;
                            /** Format: date-time */
                            createdAt: string;
                            data: {
                                [key: string]: unknown;
                            };
                            id: number;
                            objectId: string;
                            objectType: string;
                            /** @description the organization of an organization's event; null for the deployment's */
                            organizationId: string | null;
                            type: string;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listOrganizations: {
        parameters: {
            query?: {
                /** @description 1-based page number */
                pageIndex?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description a disabled organization's keys are refused */
                            disabled: boolean;
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: single-line-text */
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description a disabled organization's keys are refused */
                            disabled: boolean;
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organizationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    disabled: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description a disabled organization's keys are refused */
                            disabled: boolean;
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listOrganizationMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organizationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** @description invited, and has not set a password yet */
                            pending: boolean;
                            role: string;
                            /** Format: uuid */
                            userId: string;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    addOrganizationMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organizationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: single-line-text */
                    email: string;
                    role: "viewer" | "editor" | "admin";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            invitation: {
                                /** Format: date-time */
                                expiresAt: string;
                                /** @description the console page that accepts it, relative to the server: share it with the person */
                                link: string;
                                /** @description shown once; only its hash is stored */
                                token: string;
                            } | null;
                            member: {
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /** @description invited, and has not set a password yet */
                                pending: boolean;
                                role: string;
                                /** Format: uuid */
                                userId: string;
                            };
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    removeOrganizationMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organizationId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** @description invited, and has not set a password yet */
                            pending: boolean;
                            role: string;
                            /** Format: uuid */
                            userId: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateOrganizationMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organizationId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    role: "viewer" | "editor" | "admin";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** @description invited, and has not set a password yet */
                            pending: boolean;
                            role: string;
                            /** Format: uuid */
                            userId: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getOrganizationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organizationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            acmeContactEmail: string | null;
                            acmeDirectoryUrl: string | null;
                            updatedAt: string | null;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateOrganizationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organizationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    acmeContactEmail?: string | null;
                    /** @description overrides CERTKEEPER_ACME_DIRECTORY_URL for the organization's certificates; null clears */
                    acmeDirectoryUrl?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            acmeContactEmail: string | null;
                            acmeDirectoryUrl: string | null;
                            updatedAt: string | null;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listProjects: {
        parameters: {
            query?: {
                /** @description 1-based page number */
                pageIndex?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: uuid */
                            organizationId: string;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createProject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: single-line-text */
                    name: string;
                    /** Format: uuid */
                    organizationId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: uuid */
                            organizationId: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: uuid */
                            organizationId: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listAccessKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            accessKeyId: string;
                            /** Format: date-time */
                            createdAt: string;
                            name: string;
                            revokedAt: string | null;
                            role: string;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createAccessKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: single-line-text */
                    name: string;
                    role: "viewer" | "editor" | "admin";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description public id, LTAI + 20 characters */
                            accessKeyId: string;
                            /** @description shown once; stored encrypted with the master key */
                            accessKeySecret: string;
                            name: string;
                            role: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    revokeAccessKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accessKeyId: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            accessKeyId: string;
                            /** Format: date-time */
                            createdAt: string;
                            name: string;
                            revokedAt: string | null;
                            role: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description the first characters of the key, to recognise it */
                            prefix: string;
                            revokedAt: string | null;
                            role: string;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: single-line-text */
                    name: string;
                    role: "viewer" | "editor" | "admin";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: uuid */
                            id: string;
                            /** @description shown once; only its hash is stored */
                            key: string;
                            name: string;
                            role: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description the first characters of the key, to recognise it */
                            prefix: string;
                            revokedAt: string | null;
                            role: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listApps: {
        parameters: {
            query?: {
                /** @description 1-based page number */
                pageIndex?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description your id for the app (typically the iOS bundle id), unique in the organization */
                            appId: string;
                            /** @description 8 digits, unique in the deployment (the AppKey of Alibaba Cloud CheckCertificate) */
                            appKey: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description ios, android */
                            platforms: string[];
                            /** Format: uuid */
                            projectId: string;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: single-line-text */
                    appId: string;
                    /** Format: single-line-text */
                    name: string;
                    platforms: ("ios" | "android")[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description your id for the app (typically the iOS bundle id), unique in the organization */
                            appId: string;
                            /** @description 8 digits, unique in the deployment (the AppKey of Alibaba Cloud CheckCertificate) */
                            appKey: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description ios, android */
                            platforms: string[];
                            /** Format: uuid */
                            projectId: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description your id for the app (typically the iOS bundle id), unique in the organization */
                            appId: string;
                            /** @description 8 digits, unique in the deployment (the AppKey of Alibaba Cloud CheckCertificate) */
                            appKey: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description ios, android */
                            platforms: string[];
                            /** Format: uuid */
                            projectId: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description your id for the app (typically the iOS bundle id), unique in the organization */
                            appId: string;
                            /** @description 8 digits, unique in the deployment (the AppKey of Alibaba Cloud CheckCertificate) */
                            appKey: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description ios, android */
                            platforms: string[];
                            /** Format: uuid */
                            projectId: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listAppCertificates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            boundAt: string;
                            bundleId: string | null;
                            certificateId: number;
                            /** @description Active, Expired, Revoked… (as the certificate list) */
                            certificateStatus: string;
                            /** @description whole days until notAfter, rounded down; negative once expired */
                            daysLeft: number;
                            domainName: string;
                            /** @description production or development */
                            environment: string;
                            /** @description the environments the certificate serves (from its Apple OIDs) */
                            environments: string[];
                            /** Format: date-time */
                            notAfter: string;
                            /** @description iPhone or iPad */
                            platform: string;
                            /** @description push health (binding list only) */
                            push?: {
                                /** @description when the outcome behind the status was observed; null = nothing known */
                                at: string | null;
                                lastCheck: {
                                    /** Format: date-time */
                                    at: string;
                                    detail: string | null;
                                    /** @description ok, revoked or failed */
                                    outcome: string;
                                } | null;
                                /** @description e.g. tls_alert_44_certificate_revoked, BadCertificate; BadDeviceToken for a check that authenticated */
                                reason: string | null;
                                /** @description push-result or push-check */
                                source: string | null;
                                /** @description OK, or REVOKED once APNs refused this certificate in this environment (until another certificate is bound or a check succeeds) */
                                status: string;
                            };
                            /** @description lifecycle status with expiry applied */
                            status: string;
                            topics: string[];
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    bindAppCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    certificateId: number;
                    /** @description production or development */
                    environment: "production" | "development";
                    /** @description bind even a certificate that is not an APNs certificate for this app and environment */
                    force?: boolean;
                    /** @description iPhone or iPad */
                    platform: "iPhone" | "iPad";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            boundAt: string;
                            bundleId: string | null;
                            certificateId: number;
                            /** @description Active, Expired, Revoked… (as the certificate list) */
                            certificateStatus: string;
                            /** @description whole days until notAfter, rounded down; negative once expired */
                            daysLeft: number;
                            domainName: string;
                            /** @description production or development */
                            environment: string;
                            /** @description the environments the certificate serves (from its Apple OIDs) */
                            environments: string[];
                            /** Format: date-time */
                            notAfter: string;
                            /** @description iPhone or iPad */
                            platform: string;
                            /** @description push health (binding list only) */
                            push?: {
                                /** @description when the outcome behind the status was observed; null = nothing known */
                                at: string | null;
                                lastCheck: {
                                    /** Format: date-time */
                                    at: string;
                                    detail: string | null;
                                    /** @description ok, revoked or failed */
                                    outcome: string;
                                } | null;
                                /** @description e.g. tls_alert_44_certificate_revoked, BadCertificate; BadDeviceToken for a check that authenticated */
                                reason: string | null;
                                /** @description push-result or push-check */
                                source: string | null;
                                /** @description OK, or REVOKED once APNs refused this certificate in this environment (until another certificate is bound or a check succeeds) */
                                status: string;
                            };
                            /** @description lifecycle status with expiry applied */
                            status: string;
                            topics: string[];
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    unbindAppCertificate: {
        parameters: {
            query: {
                /** @description production or development */
                environment: "production" | "development";
                /** @description iPhone or iPad */
                platform: "iPhone" | "iPad";
            };
            header?: never;
            path: {
                appId: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            boundAt: string;
                            certificateId: number;
                            environment: string;
                            platform: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    importAppCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description bind even when the certificate's bundle id and topics do not name the app */
                    force?: boolean;
                    /** Format: single-line-text */
                    password?: string;
                    /**
                     * Format: multi-line-text
                     * @description base64 of the .p12 file
                     */
                    pkcs12: string;
                    /** @description iPhone or iPad */
                    platform: "iPhone" | "iPad";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            boundAt: string;
                            bundleId: string | null;
                            certificateId: number;
                            /** @description Active, Expired, Revoked… (as the certificate list) */
                            certificateStatus: string;
                            /** @description whole days until notAfter, rounded down; negative once expired */
                            daysLeft: number;
                            domainName: string;
                            /** @description production or development */
                            environment: string;
                            /** @description the environments the certificate serves (from its Apple OIDs) */
                            environments: string[];
                            /** Format: date-time */
                            notAfter: string;
                            /** @description iPhone or iPad */
                            platform: string;
                            /** @description push health (binding list only) */
                            push?: {
                                /** @description when the outcome behind the status was observed; null = nothing known */
                                at: string | null;
                                lastCheck: {
                                    /** Format: date-time */
                                    at: string;
                                    detail: string | null;
                                    /** @description ok, revoked or failed */
                                    outcome: string;
                                } | null;
                                /** @description e.g. tls_alert_44_certificate_revoked, BadCertificate; BadDeviceToken for a check that authenticated */
                                reason: string | null;
                                /** @description push-result or push-check */
                                source: string | null;
                                /** @description OK, or REVOKED once APNs refused this certificate in this environment (until another certificate is bound or a check succeeds) */
                                status: string;
                            };
                            /** @description lifecycle status with expiry applied */
                            status: string;
                            topics: string[];
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    checkAppPush: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description production or development */
                    environment: "production" | "development";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            certificateId: number;
                            changed: boolean;
                            /** Format: date-time */
                            checkedAt: string;
                            detail: string;
                            environment: string;
                            /** @description ok or revoked */
                            outcome: string;
                            pushStatus: string | null;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Service Unavailable: code is one of acme_unavailable, apns_unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    reportPushResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: single-line-text
                     * @description APNs' reason (BadCertificate, BadDeviceToken…)
                     */
                    apnsReason?: string;
                    /** @description the HTTP status APNs answered */
                    apnsStatus?: number;
                    /**
                     * Format: date-time
                     * @description when the push was made; default now; at most 5 minutes ahead
                     */
                    at?: string;
                    /** @description only when iPhone and iPad have different certificates bound in the environment */
                    certificateId?: number;
                    /** @description production or development */
                    environment: "production" | "development";
                    outcome: "delivered" | "rejected";
                    /** @description the TLS alert the connection was refused with (42, 44, 45 are about the certificate) */
                    tlsAlert?: number;
                } | {
                    results: {
                        /**
                         * Format: single-line-text
                         * @description APNs' reason (BadCertificate, BadDeviceToken…)
                         */
                        apnsReason?: string;
                        /** @description the HTTP status APNs answered */
                        apnsStatus?: number;
                        /**
                         * Format: date-time
                         * @description when the push was made; default now; at most 5 minutes ahead
                         */
                        at?: string;
                        /** @description only when iPhone and iPad have different certificates bound in the environment */
                        certificateId?: number;
                        /** @description production or development */
                        environment: "production" | "development";
                        outcome: "delivered" | "rejected";
                        /** @description the TLS alert the connection was refused with (42, 44, 45 are about the certificate) */
                        tlsAlert?: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            at: string;
                            certificateId: number;
                            /** @description revoked, already_revoked, stale, delivered or none */
                            effect: string;
                            environment: string;
                            index: number;
                            outcome: string;
                            /** @description OK or REVOKED after this result; null = nothing known */
                            pushStatus: string | null;
                            reason: string | null;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listCertificates: {
        parameters: {
            query?: {
                /** @description a host name: certificates valid for it (RFC 6125 wildcards) */
                covers?: string;
                /** @description notAfter at or after this instant (a window with expiringBefore, e.g. a week of the dashboard timeline) */
                expiringAfter?: string;
                /** @description notAfter before this instant */
                expiringBefore?: string;
                /** @description notAfter between now and now + N days */
                expiringWithinDays?: number;
                /** @description tls, apns, pass, client, ca, other */
                kind?: string;
                /** @description asc or desc */
                order?: string;
                /** @description 1-based page number */
                pageIndex?: number;
                pageSize?: number;
                /** @description substring of the domain name or a SAN */
                search?: string;
                /** @description notAfter, domainName, lastModified or id (default id, newest first); -notAfter or notAfter:desc sorts descending */
                sort?: string;
                /** @description imported, acme, discovered */
                source?: string;
                /** @description Active, Expired, Revoked, Failed, PendingValidation, Validating */
                status?: string;
            };
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description the SANs other than domainName, comma-separated */
                            additionalNames: string;
                            apple: {
                                bundleId?: string;
                                environments?: string[];
                                passTeamIdentifier?: string;
                                passTypeIdentifier?: string;
                                teamId?: string;
                                topics?: string[];
                            } | null;
                            certificateChallenge: string | null;
                            /** @description Active, Expired, Revoked, Failed, PendingValidation, Validating */
                            certificateStatus: string;
                            /** @description Imported, Managed or Discovered */
                            certificateType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description whole days until notAfter, rounded down; negative once expired; null before issuance */
                            daysLeft: number | null;
                            distributionId: string | null;
                            /** @description dns-01: the TXT records to publish for the pending order */
                            dnsRecords: {
                                key: string;
                                value: string;
                            }[];
                            domainName: string;
                            domainNameUnicode: string;
                            extendedKeyUsage: string[];
                            fingerprintSha1: string;
                            fingerprintSha256: string;
                            hasPrivateKey: boolean;
                            /** @description int32, stable for the slot */
                            id: number;
                            issuer: string;
                            keyUsage: string[];
                            /** @description tls, apns, pass, client, ca, other */
                            kind: string;
                            /** Format: date-time */
                            lastModified: string;
                            /** @description the issuing state of a certificate certkeeper issues and renews (source acme); null for the others */
                            managed: {
                                challengeType: string;
                                failureCount: number;
                                keyType: string;
                                lastProblem: {
                                    detail: string;
                                    /** @description admins only: the last 4 KiB a failed exec DNS hook wrote to stderr (certkeeper:challenge_hook_failed) */
                                    hookStderr?: string;
                                    type: string;
                                } | null;
                                nextAttemptAt: string | null;
                                renewAt: string | null;
                                revokeReason: string | null;
                            } | null;
                            notAfter: string | null;
                            notBefore: string | null;
                            /** Format: uuid */
                            organizationId: string;
                            /** Format: uuid */
                            projectId: string;
                            publicKeyInfo: string;
                            sans: string[];
                            /** @description sans with IDN labels shown in Unicode */
                            sansUnicode: string[];
                            /** @description Project or Organization */
                            scope: string;
                            /** @description 0 = Project, 1 = Organization */
                            scopeId: number;
                            scopeOptions: {
                                [key: string]: number;
                            };
                            serialNumber: string;
                            signatureAlgorithm: string;
                            /** @description imported, acme, discovered */
                            source: string;
                            /**
                             * Format: uuid
                             * @description names the current material; changes on renewal
                             */
                            sslCertificateId: string;
                            /** @description lifecycle status with expiry applied: pending_validation, validating, issued, failed, revoked, expired */
                            status: string;
                            subject: string;
                            /** @description 16 characters [a-z0-9] */
                            uid: string;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    additionalDomainNames?: string[];
                    /**
                     * Format: single-line-text
                     * @description dns-01 (default) or http-01
                     */
                    challengeType?: string;
                    /** Format: single-line-text */
                    domainName: string;
                    /**
                     * Format: single-line-text
                     * @description ec-p256 (default), ec-p384, rsa-2048, rsa-3072, rsa-4096
                     */
                    keyType?: string;
                    /** @description 0 = Project (default), 1 = Organization */
                    scopeId?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description the SANs other than domainName, comma-separated */
                            additionalNames: string;
                            apple: {
                                bundleId?: string;
                                environments?: string[];
                                passTeamIdentifier?: string;
                                passTypeIdentifier?: string;
                                teamId?: string;
                                topics?: string[];
                            } | null;
                            certificateChallenge: string | null;
                            /** @description Active, Expired, Revoked, Failed, PendingValidation, Validating */
                            certificateStatus: string;
                            /** @description Imported, Managed or Discovered */
                            certificateType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description whole days until notAfter, rounded down; negative once expired; null before issuance */
                            daysLeft: number | null;
                            distributionId: string | null;
                            /** @description dns-01: the TXT records to publish for the pending order */
                            dnsRecords: {
                                key: string;
                                value: string;
                            }[];
                            domainName: string;
                            domainNameUnicode: string;
                            extendedKeyUsage: string[];
                            fingerprintSha1: string;
                            fingerprintSha256: string;
                            hasPrivateKey: boolean;
                            /** @description int32, stable for the slot */
                            id: number;
                            issuer: string;
                            keyUsage: string[];
                            /** @description tls, apns, pass, client, ca, other */
                            kind: string;
                            /** Format: date-time */
                            lastModified: string;
                            /** @description the issuing state of a certificate certkeeper issues and renews (source acme); null for the others */
                            managed: {
                                challengeType: string;
                                failureCount: number;
                                keyType: string;
                                lastProblem: {
                                    detail: string;
                                    /** @description admins only: the last 4 KiB a failed exec DNS hook wrote to stderr (certkeeper:challenge_hook_failed) */
                                    hookStderr?: string;
                                    type: string;
                                } | null;
                                nextAttemptAt: string | null;
                                renewAt: string | null;
                                revokeReason: string | null;
                            } | null;
                            notAfter: string | null;
                            notBefore: string | null;
                            /** Format: uuid */
                            organizationId: string;
                            /** Format: uuid */
                            projectId: string;
                            publicKeyInfo: string;
                            sans: string[];
                            /** @description sans with IDN labels shown in Unicode */
                            sansUnicode: string[];
                            /** @description Project or Organization */
                            scope: string;
                            /** @description 0 = Project, 1 = Organization */
                            scopeId: number;
                            scopeOptions: {
                                [key: string]: number;
                            };
                            serialNumber: string;
                            signatureAlgorithm: string;
                            /** @description imported, acme, discovered */
                            source: string;
                            /**
                             * Format: uuid
                             * @description names the current material; changes on renewal
                             */
                            sslCertificateId: string;
                            /** @description lifecycle status with expiry applied: pending_validation, validating, issued, failed, revoked, expired */
                            status: string;
                            subject: string;
                            /** @description 16 characters [a-z0-9] */
                            uid: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Bad Gateway: code is one of acme_error, dns_update_failed, challenge_hook_failed, deploy_hook_failed, ssh_host_key_mismatch, ssh_auth_failed, ssh_connect_failed, ssh_reload_failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Service Unavailable: code is one of acme_unavailable, apns_unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description the SANs other than domainName, comma-separated */
                            additionalNames: string;
                            apple: {
                                bundleId?: string;
                                environments?: string[];
                                passTeamIdentifier?: string;
                                passTypeIdentifier?: string;
                                teamId?: string;
                                topics?: string[];
                            } | null;
                            certificateChallenge: string | null;
                            /** @description Active, Expired, Revoked, Failed, PendingValidation, Validating */
                            certificateStatus: string;
                            /** @description Imported, Managed or Discovered */
                            certificateType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description whole days until notAfter, rounded down; negative once expired; null before issuance */
                            daysLeft: number | null;
                            distributionId: string | null;
                            /** @description dns-01: the TXT records to publish for the pending order */
                            dnsRecords: {
                                key: string;
                                value: string;
                            }[];
                            domainName: string;
                            domainNameUnicode: string;
                            extendedKeyUsage: string[];
                            fingerprintSha1: string;
                            fingerprintSha256: string;
                            hasPrivateKey: boolean;
                            /** @description int32, stable for the slot */
                            id: number;
                            issuer: string;
                            keyUsage: string[];
                            /** @description tls, apns, pass, client, ca, other */
                            kind: string;
                            /** Format: date-time */
                            lastModified: string;
                            /** @description the issuing state of a certificate certkeeper issues and renews (source acme); null for the others */
                            managed: {
                                challengeType: string;
                                failureCount: number;
                                keyType: string;
                                lastProblem: {
                                    detail: string;
                                    /** @description admins only: the last 4 KiB a failed exec DNS hook wrote to stderr (certkeeper:challenge_hook_failed) */
                                    hookStderr?: string;
                                    type: string;
                                } | null;
                                nextAttemptAt: string | null;
                                renewAt: string | null;
                                revokeReason: string | null;
                            } | null;
                            notAfter: string | null;
                            notBefore: string | null;
                            /** Format: uuid */
                            organizationId: string;
                            /** Format: uuid */
                            projectId: string;
                            publicKeyInfo: string;
                            sans: string[];
                            /** @description sans with IDN labels shown in Unicode */
                            sansUnicode: string[];
                            /** @description Project or Organization */
                            scope: string;
                            /** @description 0 = Project, 1 = Organization */
                            scopeId: number;
                            scopeOptions: {
                                [key: string]: number;
                            };
                            serialNumber: string;
                            signatureAlgorithm: string;
                            /** @description imported, acme, discovered */
                            source: string;
                            /**
                             * Format: uuid
                             * @description names the current material; changes on renewal
                             */
                            sslCertificateId: string;
                            /** @description lifecycle status with expiry applied: pending_validation, validating, issued, failed, revoked, expired */
                            status: string;
                            subject: string;
                            /** @description 16 characters [a-z0-9] */
                            uid: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateCertificateScope: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    scopeId: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description the SANs other than domainName, comma-separated */
                            additionalNames: string;
                            apple: {
                                bundleId?: string;
                                environments?: string[];
                                passTeamIdentifier?: string;
                                passTypeIdentifier?: string;
                                teamId?: string;
                                topics?: string[];
                            } | null;
                            certificateChallenge: string | null;
                            /** @description Active, Expired, Revoked, Failed, PendingValidation, Validating */
                            certificateStatus: string;
                            /** @description Imported, Managed or Discovered */
                            certificateType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description whole days until notAfter, rounded down; negative once expired; null before issuance */
                            daysLeft: number | null;
                            distributionId: string | null;
                            /** @description dns-01: the TXT records to publish for the pending order */
                            dnsRecords: {
                                key: string;
                                value: string;
                            }[];
                            domainName: string;
                            domainNameUnicode: string;
                            extendedKeyUsage: string[];
                            fingerprintSha1: string;
                            fingerprintSha256: string;
                            hasPrivateKey: boolean;
                            /** @description int32, stable for the slot */
                            id: number;
                            issuer: string;
                            keyUsage: string[];
                            /** @description tls, apns, pass, client, ca, other */
                            kind: string;
                            /** Format: date-time */
                            lastModified: string;
                            /** @description the issuing state of a certificate certkeeper issues and renews (source acme); null for the others */
                            managed: {
                                challengeType: string;
                                failureCount: number;
                                keyType: string;
                                lastProblem: {
                                    detail: string;
                                    /** @description admins only: the last 4 KiB a failed exec DNS hook wrote to stderr (certkeeper:challenge_hook_failed) */
                                    hookStderr?: string;
                                    type: string;
                                } | null;
                                nextAttemptAt: string | null;
                                renewAt: string | null;
                                revokeReason: string | null;
                            } | null;
                            notAfter: string | null;
                            notBefore: string | null;
                            /** Format: uuid */
                            organizationId: string;
                            /** Format: uuid */
                            projectId: string;
                            publicKeyInfo: string;
                            sans: string[];
                            /** @description sans with IDN labels shown in Unicode */
                            sansUnicode: string[];
                            /** @description Project or Organization */
                            scope: string;
                            /** @description 0 = Project, 1 = Organization */
                            scopeId: number;
                            scopeOptions: {
                                [key: string]: number;
                            };
                            serialNumber: string;
                            signatureAlgorithm: string;
                            /** @description imported, acme, discovered */
                            source: string;
                            /**
                             * Format: uuid
                             * @description names the current material; changes on renewal
                             */
                            sslCertificateId: string;
                            /** @description lifecycle status with expiry applied: pending_validation, validating, issued, failed, revoked, expired */
                            status: string;
                            subject: string;
                            /** @description 16 characters [a-z0-9] */
                            uid: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description the SANs other than domainName, comma-separated */
                            additionalNames: string;
                            apple: {
                                bundleId?: string;
                                environments?: string[];
                                passTeamIdentifier?: string;
                                passTypeIdentifier?: string;
                                teamId?: string;
                                topics?: string[];
                            } | null;
                            certificateChallenge: string | null;
                            /** @description Active, Expired, Revoked, Failed, PendingValidation, Validating */
                            certificateStatus: string;
                            /** @description Imported, Managed or Discovered */
                            certificateType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description whole days until notAfter, rounded down; negative once expired; null before issuance */
                            daysLeft: number | null;
                            distributionId: string | null;
                            /** @description dns-01: the TXT records to publish for the pending order */
                            dnsRecords: {
                                key: string;
                                value: string;
                            }[];
                            domainName: string;
                            domainNameUnicode: string;
                            extendedKeyUsage: string[];
                            fingerprintSha1: string;
                            fingerprintSha256: string;
                            hasPrivateKey: boolean;
                            /** @description int32, stable for the slot */
                            id: number;
                            issuer: string;
                            keyUsage: string[];
                            /** @description tls, apns, pass, client, ca, other */
                            kind: string;
                            /** Format: date-time */
                            lastModified: string;
                            /** @description the issuing state of a certificate certkeeper issues and renews (source acme); null for the others */
                            managed: {
                                challengeType: string;
                                failureCount: number;
                                keyType: string;
                                lastProblem: {
                                    detail: string;
                                    /** @description admins only: the last 4 KiB a failed exec DNS hook wrote to stderr (certkeeper:challenge_hook_failed) */
                                    hookStderr?: string;
                                    type: string;
                                } | null;
                                nextAttemptAt: string | null;
                                renewAt: string | null;
                                revokeReason: string | null;
                            } | null;
                            notAfter: string | null;
                            notBefore: string | null;
                            /** Format: uuid */
                            organizationId: string;
                            /** Format: uuid */
                            projectId: string;
                            publicKeyInfo: string;
                            sans: string[];
                            /** @description sans with IDN labels shown in Unicode */
                            sansUnicode: string[];
                            /** @description Project or Organization */
                            scope: string;
                            /** @description 0 = Project, 1 = Organization */
                            scopeId: number;
                            scopeOptions: {
                                [key: string]: number;
                            };
                            serialNumber: string;
                            signatureAlgorithm: string;
                            /** @description imported, acme, discovered */
                            source: string;
                            /**
                             * Format: uuid
                             * @description names the current material; changes on renewal
                             */
                            sslCertificateId: string;
                            /** @description lifecycle status with expiry applied: pending_validation, validating, issued, failed, revoked, expired */
                            status: string;
                            subject: string;
                            /** @description 16 characters [a-z0-9] */
                            uid: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getCertificateChain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pem-certificate-chain": string;
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    exportCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    format: "pem" | "pkcs12";
                    /** Format: single-line-text */
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            certificate?: string;
                            chain?: string;
                            format: string;
                            fullChain?: string;
                            /** @description base64 */
                            pkcs12?: string;
                            privateKey?: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getCertificateMute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            certificateId: number;
                            muted: boolean;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    muteCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    muted: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            certificateId: number;
                            muted: boolean;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    renewCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description the SANs other than domainName, comma-separated */
                            additionalNames: string;
                            apple: {
                                bundleId?: string;
                                environments?: string[];
                                passTeamIdentifier?: string;
                                passTypeIdentifier?: string;
                                teamId?: string;
                                topics?: string[];
                            } | null;
                            certificateChallenge: string | null;
                            /** @description Active, Expired, Revoked, Failed, PendingValidation, Validating */
                            certificateStatus: string;
                            /** @description Imported, Managed or Discovered */
                            certificateType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description whole days until notAfter, rounded down; negative once expired; null before issuance */
                            daysLeft: number | null;
                            distributionId: string | null;
                            /** @description dns-01: the TXT records to publish for the pending order */
                            dnsRecords: {
                                key: string;
                                value: string;
                            }[];
                            domainName: string;
                            domainNameUnicode: string;
                            extendedKeyUsage: string[];
                            fingerprintSha1: string;
                            fingerprintSha256: string;
                            hasPrivateKey: boolean;
                            /** @description int32, stable for the slot */
                            id: number;
                            issuer: string;
                            keyUsage: string[];
                            /** @description tls, apns, pass, client, ca, other */
                            kind: string;
                            /** Format: date-time */
                            lastModified: string;
                            /** @description the issuing state of a certificate certkeeper issues and renews (source acme); null for the others */
                            managed: {
                                challengeType: string;
                                failureCount: number;
                                keyType: string;
                                lastProblem: {
                                    detail: string;
                                    /** @description admins only: the last 4 KiB a failed exec DNS hook wrote to stderr (certkeeper:challenge_hook_failed) */
                                    hookStderr?: string;
                                    type: string;
                                } | null;
                                nextAttemptAt: string | null;
                                renewAt: string | null;
                                revokeReason: string | null;
                            } | null;
                            notAfter: string | null;
                            notBefore: string | null;
                            /** Format: uuid */
                            organizationId: string;
                            /** Format: uuid */
                            projectId: string;
                            publicKeyInfo: string;
                            sans: string[];
                            /** @description sans with IDN labels shown in Unicode */
                            sansUnicode: string[];
                            /** @description Project or Organization */
                            scope: string;
                            /** @description 0 = Project, 1 = Organization */
                            scopeId: number;
                            scopeOptions: {
                                [key: string]: number;
                            };
                            serialNumber: string;
                            signatureAlgorithm: string;
                            /** @description imported, acme, discovered */
                            source: string;
                            /**
                             * Format: uuid
                             * @description names the current material; changes on renewal
                             */
                            sslCertificateId: string;
                            /** @description lifecycle status with expiry applied: pending_validation, validating, issued, failed, revoked, expired */
                            status: string;
                            subject: string;
                            /** @description 16 characters [a-z0-9] */
                            uid: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors: string[];
                        messages: string[];
                        /** @description the certificate after the failed attempt */
                        result: {
                            /** @description the SANs other than domainName, comma-separated */
                            additionalNames: string;
                            apple: {
                                bundleId?: string;
                                environments?: string[];
                                passTeamIdentifier?: string;
                                passTypeIdentifier?: string;
                                teamId?: string;
                                topics?: string[];
                            } | null;
                            certificateChallenge: string | null;
                            /** @description Active, Expired, Revoked, Failed, PendingValidation, Validating */
                            certificateStatus: string;
                            /** @description Imported, Managed or Discovered */
                            certificateType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description whole days until notAfter, rounded down; negative once expired; null before issuance */
                            daysLeft: number | null;
                            distributionId: string | null;
                            /** @description dns-01: the TXT records to publish for the pending order */
                            dnsRecords: {
                                key: string;
                                value: string;
                            }[];
                            domainName: string;
                            domainNameUnicode: string;
                            extendedKeyUsage: string[];
                            fingerprintSha1: string;
                            fingerprintSha256: string;
                            hasPrivateKey: boolean;
                            /** @description int32, stable for the slot */
                            id: number;
                            issuer: string;
                            keyUsage: string[];
                            /** @description tls, apns, pass, client, ca, other */
                            kind: string;
                            /** Format: date-time */
                            lastModified: string;
                            /** @description the issuing state of a certificate certkeeper issues and renews (source acme); null for the others */
                            managed: {
                                challengeType: string;
                                failureCount: number;
                                keyType: string;
                                lastProblem: {
                                    detail: string;
                                    /** @description admins only: the last 4 KiB a failed exec DNS hook wrote to stderr (certkeeper:challenge_hook_failed) */
                                    hookStderr?: string;
                                    type: string;
                                } | null;
                                nextAttemptAt: string | null;
                                renewAt: string | null;
                                revokeReason: string | null;
                            } | null;
                            notAfter: string | null;
                            notBefore: string | null;
                            /** Format: uuid */
                            organizationId: string;
                            /** Format: uuid */
                            projectId: string;
                            publicKeyInfo: string;
                            sans: string[];
                            /** @description sans with IDN labels shown in Unicode */
                            sansUnicode: string[];
                            /** @description Project or Organization */
                            scope: string;
                            /** @description 0 = Project, 1 = Organization */
                            scopeId: number;
                            scopeOptions: {
                                [key: string]: number;
                            };
                            serialNumber: string;
                            signatureAlgorithm: string;
                            /** @description imported, acme, discovered */
                            source: string;
                            /**
                             * Format: uuid
                             * @description names the current material; changes on renewal
                             */
                            sslCertificateId: string;
                            /** @description lifecycle status with expiry applied: pending_validation, validating, issued, failed, revoked, expired */
                            status: string;
                            subject: string;
                            /** @description 16 characters [a-z0-9] */
                            uid: string;
                        } | null;
                        resultInfo: null;
                        success: boolean;
                    };
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Bad Gateway: code is one of acme_error, dns_update_failed, challenge_hook_failed, deploy_hook_failed, ssh_host_key_mismatch, ssh_auth_failed, ssh_connect_failed, ssh_reload_failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors: string[];
                        messages: string[];
                        /** @description the certificate after the failed attempt */
                        result: {
                            /** @description the SANs other than domainName, comma-separated */
                            additionalNames: string;
                            apple: {
                                bundleId?: string;
                                environments?: string[];
                                passTeamIdentifier?: string;
                                passTypeIdentifier?: string;
                                teamId?: string;
                                topics?: string[];
                            } | null;
                            certificateChallenge: string | null;
                            /** @description Active, Expired, Revoked, Failed, PendingValidation, Validating */
                            certificateStatus: string;
                            /** @description Imported, Managed or Discovered */
                            certificateType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description whole days until notAfter, rounded down; negative once expired; null before issuance */
                            daysLeft: number | null;
                            distributionId: string | null;
                            /** @description dns-01: the TXT records to publish for the pending order */
                            dnsRecords: {
                                key: string;
                                value: string;
                            }[];
                            domainName: string;
                            domainNameUnicode: string;
                            extendedKeyUsage: string[];
                            fingerprintSha1: string;
                            fingerprintSha256: string;
                            hasPrivateKey: boolean;
                            /** @description int32, stable for the slot */
                            id: number;
                            issuer: string;
                            keyUsage: string[];
                            /** @description tls, apns, pass, client, ca, other */
                            kind: string;
                            /** Format: date-time */
                            lastModified: string;
                            /** @description the issuing state of a certificate certkeeper issues and renews (source acme); null for the others */
                            managed: {
                                challengeType: string;
                                failureCount: number;
                                keyType: string;
                                lastProblem: {
                                    detail: string;
                                    /** @description admins only: the last 4 KiB a failed exec DNS hook wrote to stderr (certkeeper:challenge_hook_failed) */
                                    hookStderr?: string;
                                    type: string;
                                } | null;
                                nextAttemptAt: string | null;
                                renewAt: string | null;
                                revokeReason: string | null;
                            } | null;
                            notAfter: string | null;
                            notBefore: string | null;
                            /** Format: uuid */
                            organizationId: string;
                            /** Format: uuid */
                            projectId: string;
                            publicKeyInfo: string;
                            sans: string[];
                            /** @description sans with IDN labels shown in Unicode */
                            sansUnicode: string[];
                            /** @description Project or Organization */
                            scope: string;
                            /** @description 0 = Project, 1 = Organization */
                            scopeId: number;
                            scopeOptions: {
                                [key: string]: number;
                            };
                            serialNumber: string;
                            signatureAlgorithm: string;
                            /** @description imported, acme, discovered */
                            source: string;
                            /**
                             * Format: uuid
                             * @description names the current material; changes on renewal
                             */
                            sslCertificateId: string;
                            /** @description lifecycle status with expiry applied: pending_validation, validating, issued, failed, revoked, expired */
                            status: string;
                            subject: string;
                            /** @description 16 characters [a-z0-9] */
                            uid: string;
                        } | null;
                        resultInfo: null;
                        success: boolean;
                    };
                };
            };
            /** @description Service Unavailable: code is one of acme_unavailable, apns_unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors: string[];
                        messages: string[];
                        /** @description the certificate after the failed attempt */
                        result: {
                            /** @description the SANs other than domainName, comma-separated */
                            additionalNames: string;
                            apple: {
                                bundleId?: string;
                                environments?: string[];
                                passTeamIdentifier?: string;
                                passTypeIdentifier?: string;
                                teamId?: string;
                                topics?: string[];
                            } | null;
                            certificateChallenge: string | null;
                            /** @description Active, Expired, Revoked, Failed, PendingValidation, Validating */
                            certificateStatus: string;
                            /** @description Imported, Managed or Discovered */
                            certificateType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description whole days until notAfter, rounded down; negative once expired; null before issuance */
                            daysLeft: number | null;
                            distributionId: string | null;
                            /** @description dns-01: the TXT records to publish for the pending order */
                            dnsRecords: {
                                key: string;
                                value: string;
                            }[];
                            domainName: string;
                            domainNameUnicode: string;
                            extendedKeyUsage: string[];
                            fingerprintSha1: string;
                            fingerprintSha256: string;
                            hasPrivateKey: boolean;
                            /** @description int32, stable for the slot */
                            id: number;
                            issuer: string;
                            keyUsage: string[];
                            /** @description tls, apns, pass, client, ca, other */
                            kind: string;
                            /** Format: date-time */
                            lastModified: string;
                            /** @description the issuing state of a certificate certkeeper issues and renews (source acme); null for the others */
                            managed: {
                                challengeType: string;
                                failureCount: number;
                                keyType: string;
                                lastProblem: {
                                    detail: string;
                                    /** @description admins only: the last 4 KiB a failed exec DNS hook wrote to stderr (certkeeper:challenge_hook_failed) */
                                    hookStderr?: string;
                                    type: string;
                                } | null;
                                nextAttemptAt: string | null;
                                renewAt: string | null;
                                revokeReason: string | null;
                            } | null;
                            notAfter: string | null;
                            notBefore: string | null;
                            /** Format: uuid */
                            organizationId: string;
                            /** Format: uuid */
                            projectId: string;
                            publicKeyInfo: string;
                            sans: string[];
                            /** @description sans with IDN labels shown in Unicode */
                            sansUnicode: string[];
                            /** @description Project or Organization */
                            scope: string;
                            /** @description 0 = Project, 1 = Organization */
                            scopeId: number;
                            scopeOptions: {
                                [key: string]: number;
                            };
                            serialNumber: string;
                            signatureAlgorithm: string;
                            /** @description imported, acme, discovered */
                            source: string;
                            /**
                             * Format: uuid
                             * @description names the current material; changes on renewal
                             */
                            sslCertificateId: string;
                            /** @description lifecycle status with expiry applied: pending_validation, validating, issued, failed, revoked, expired */
                            status: string;
                            subject: string;
                            /** @description 16 characters [a-z0-9] */
                            uid: string;
                        } | null;
                        resultInfo: null;
                        success: boolean;
                    };
                };
            };
        };
    };
    getCertificateRevocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description true when answered from the cache (nextUpdate not reached) */
                            cached: boolean;
                            certificateId: number;
                            /** @description true when this check set the certificate's status to revoked */
                            changed: boolean;
                            /** Format: date-time */
                            checkedAt: string;
                            /** @description why no source answered (each source tried); the certificate is unchanged */
                            error: string | null;
                            /** @description crl or ocsp: the source that answered; null when none did */
                            method: string | null;
                            /** @description the answer is cached until then */
                            nextUpdate: string | null;
                            /** @description RFC 5280 reason: keyCompromise, superseded, cessationOfOperation, … */
                            reason: string | null;
                            revokedAt: string | null;
                            /** @description the material the answer is about */
                            sslCertificateId: string;
                            /** @description good, revoked or unknown (unknown also when no source answered: see error) */
                            status: string;
                            thisUpdate: string | null;
                            /** @description the CRL or OCSP responder that answered */
                            url: string | null;
                        } | null;
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    checkCertificateRevocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description ignore the cached answer */
                    force?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description true when answered from the cache (nextUpdate not reached) */
                            cached: boolean;
                            certificateId: number;
                            /** @description true when this check set the certificate's status to revoked */
                            changed: boolean;
                            /** Format: date-time */
                            checkedAt: string;
                            /** @description why no source answered (each source tried); the certificate is unchanged */
                            error: string | null;
                            /** @description crl or ocsp: the source that answered; null when none did */
                            method: string | null;
                            /** @description the answer is cached until then */
                            nextUpdate: string | null;
                            /** @description RFC 5280 reason: keyCompromise, superseded, cessationOfOperation, … */
                            reason: string | null;
                            revokedAt: string | null;
                            /** @description the material the answer is about */
                            sslCertificateId: string;
                            /** @description good, revoked or unknown (unknown also when no source answered: see error) */
                            status: string;
                            thisUpdate: string | null;
                            /** @description the CRL or OCSP responder that answered */
                            url: string | null;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    revokeCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: single-line-text
                     * @description RFC 5280 reason: unspecified, keyCompromise, affiliationChanged, superseded, cessationOfOperation (default unspecified)
                     */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description the SANs other than domainName, comma-separated */
                            additionalNames: string;
                            apple: {
                                bundleId?: string;
                                environments?: string[];
                                passTeamIdentifier?: string;
                                passTypeIdentifier?: string;
                                teamId?: string;
                                topics?: string[];
                            } | null;
                            certificateChallenge: string | null;
                            /** @description Active, Expired, Revoked, Failed, PendingValidation, Validating */
                            certificateStatus: string;
                            /** @description Imported, Managed or Discovered */
                            certificateType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description whole days until notAfter, rounded down; negative once expired; null before issuance */
                            daysLeft: number | null;
                            distributionId: string | null;
                            /** @description dns-01: the TXT records to publish for the pending order */
                            dnsRecords: {
                                key: string;
                                value: string;
                            }[];
                            domainName: string;
                            domainNameUnicode: string;
                            extendedKeyUsage: string[];
                            fingerprintSha1: string;
                            fingerprintSha256: string;
                            hasPrivateKey: boolean;
                            /** @description int32, stable for the slot */
                            id: number;
                            issuer: string;
                            keyUsage: string[];
                            /** @description tls, apns, pass, client, ca, other */
                            kind: string;
                            /** Format: date-time */
                            lastModified: string;
                            /** @description the issuing state of a certificate certkeeper issues and renews (source acme); null for the others */
                            managed: {
                                challengeType: string;
                                failureCount: number;
                                keyType: string;
                                lastProblem: {
                                    detail: string;
                                    /** @description admins only: the last 4 KiB a failed exec DNS hook wrote to stderr (certkeeper:challenge_hook_failed) */
                                    hookStderr?: string;
                                    type: string;
                                } | null;
                                nextAttemptAt: string | null;
                                renewAt: string | null;
                                revokeReason: string | null;
                            } | null;
                            notAfter: string | null;
                            notBefore: string | null;
                            /** Format: uuid */
                            organizationId: string;
                            /** Format: uuid */
                            projectId: string;
                            publicKeyInfo: string;
                            sans: string[];
                            /** @description sans with IDN labels shown in Unicode */
                            sansUnicode: string[];
                            /** @description Project or Organization */
                            scope: string;
                            /** @description 0 = Project, 1 = Organization */
                            scopeId: number;
                            scopeOptions: {
                                [key: string]: number;
                            };
                            serialNumber: string;
                            signatureAlgorithm: string;
                            /** @description imported, acme, discovered */
                            source: string;
                            /**
                             * Format: uuid
                             * @description names the current material; changes on renewal
                             */
                            sslCertificateId: string;
                            /** @description lifecycle status with expiry applied: pending_validation, validating, issued, failed, revoked, expired */
                            status: string;
                            subject: string;
                            /** @description 16 characters [a-z0-9] */
                            uid: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Bad Gateway: code is one of acme_error, dns_update_failed, challenge_hook_failed, deploy_hook_failed, ssh_host_key_mismatch, ssh_auth_failed, ssh_connect_failed, ssh_reload_failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Service Unavailable: code is one of acme_unavailable, apns_unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    validateCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description the SANs other than domainName, comma-separated */
                            additionalNames: string;
                            apple: {
                                bundleId?: string;
                                environments?: string[];
                                passTeamIdentifier?: string;
                                passTypeIdentifier?: string;
                                teamId?: string;
                                topics?: string[];
                            } | null;
                            certificateChallenge: string | null;
                            /** @description Active, Expired, Revoked, Failed, PendingValidation, Validating */
                            certificateStatus: string;
                            /** @description Imported, Managed or Discovered */
                            certificateType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description whole days until notAfter, rounded down; negative once expired; null before issuance */
                            daysLeft: number | null;
                            distributionId: string | null;
                            /** @description dns-01: the TXT records to publish for the pending order */
                            dnsRecords: {
                                key: string;
                                value: string;
                            }[];
                            domainName: string;
                            domainNameUnicode: string;
                            extendedKeyUsage: string[];
                            fingerprintSha1: string;
                            fingerprintSha256: string;
                            hasPrivateKey: boolean;
                            /** @description int32, stable for the slot */
                            id: number;
                            issuer: string;
                            keyUsage: string[];
                            /** @description tls, apns, pass, client, ca, other */
                            kind: string;
                            /** Format: date-time */
                            lastModified: string;
                            /** @description the issuing state of a certificate certkeeper issues and renews (source acme); null for the others */
                            managed: {
                                challengeType: string;
                                failureCount: number;
                                keyType: string;
                                lastProblem: {
                                    detail: string;
                                    /** @description admins only: the last 4 KiB a failed exec DNS hook wrote to stderr (certkeeper:challenge_hook_failed) */
                                    hookStderr?: string;
                                    type: string;
                                } | null;
                                nextAttemptAt: string | null;
                                renewAt: string | null;
                                revokeReason: string | null;
                            } | null;
                            notAfter: string | null;
                            notBefore: string | null;
                            /** Format: uuid */
                            organizationId: string;
                            /** Format: uuid */
                            projectId: string;
                            publicKeyInfo: string;
                            sans: string[];
                            /** @description sans with IDN labels shown in Unicode */
                            sansUnicode: string[];
                            /** @description Project or Organization */
                            scope: string;
                            /** @description 0 = Project, 1 = Organization */
                            scopeId: number;
                            scopeOptions: {
                                [key: string]: number;
                            };
                            serialNumber: string;
                            signatureAlgorithm: string;
                            /** @description imported, acme, discovered */
                            source: string;
                            /**
                             * Format: uuid
                             * @description names the current material; changes on renewal
                             */
                            sslCertificateId: string;
                            /** @description lifecycle status with expiry applied: pending_validation, validating, issued, failed, revoked, expired */
                            status: string;
                            subject: string;
                            /** @description 16 characters [a-z0-9] */
                            uid: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors: string[];
                        messages: string[];
                        /** @description the certificate after the failed attempt */
                        result: {
                            /** @description the SANs other than domainName, comma-separated */
                            additionalNames: string;
                            apple: {
                                bundleId?: string;
                                environments?: string[];
                                passTeamIdentifier?: string;
                                passTypeIdentifier?: string;
                                teamId?: string;
                                topics?: string[];
                            } | null;
                            certificateChallenge: string | null;
                            /** @description Active, Expired, Revoked, Failed, PendingValidation, Validating */
                            certificateStatus: string;
                            /** @description Imported, Managed or Discovered */
                            certificateType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description whole days until notAfter, rounded down; negative once expired; null before issuance */
                            daysLeft: number | null;
                            distributionId: string | null;
                            /** @description dns-01: the TXT records to publish for the pending order */
                            dnsRecords: {
                                key: string;
                                value: string;
                            }[];
                            domainName: string;
                            domainNameUnicode: string;
                            extendedKeyUsage: string[];
                            fingerprintSha1: string;
                            fingerprintSha256: string;
                            hasPrivateKey: boolean;
                            /** @description int32, stable for the slot */
                            id: number;
                            issuer: string;
                            keyUsage: string[];
                            /** @description tls, apns, pass, client, ca, other */
                            kind: string;
                            /** Format: date-time */
                            lastModified: string;
                            /** @description the issuing state of a certificate certkeeper issues and renews (source acme); null for the others */
                            managed: {
                                challengeType: string;
                                failureCount: number;
                                keyType: string;
                                lastProblem: {
                                    detail: string;
                                    /** @description admins only: the last 4 KiB a failed exec DNS hook wrote to stderr (certkeeper:challenge_hook_failed) */
                                    hookStderr?: string;
                                    type: string;
                                } | null;
                                nextAttemptAt: string | null;
                                renewAt: string | null;
                                revokeReason: string | null;
                            } | null;
                            notAfter: string | null;
                            notBefore: string | null;
                            /** Format: uuid */
                            organizationId: string;
                            /** Format: uuid */
                            projectId: string;
                            publicKeyInfo: string;
                            sans: string[];
                            /** @description sans with IDN labels shown in Unicode */
                            sansUnicode: string[];
                            /** @description Project or Organization */
                            scope: string;
                            /** @description 0 = Project, 1 = Organization */
                            scopeId: number;
                            scopeOptions: {
                                [key: string]: number;
                            };
                            serialNumber: string;
                            signatureAlgorithm: string;
                            /** @description imported, acme, discovered */
                            source: string;
                            /**
                             * Format: uuid
                             * @description names the current material; changes on renewal
                             */
                            sslCertificateId: string;
                            /** @description lifecycle status with expiry applied: pending_validation, validating, issued, failed, revoked, expired */
                            status: string;
                            subject: string;
                            /** @description 16 characters [a-z0-9] */
                            uid: string;
                        } | null;
                        resultInfo: null;
                        success: boolean;
                    };
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Bad Gateway: code is one of acme_error, dns_update_failed, challenge_hook_failed, deploy_hook_failed, ssh_host_key_mismatch, ssh_auth_failed, ssh_connect_failed, ssh_reload_failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors: string[];
                        messages: string[];
                        /** @description the certificate after the failed attempt */
                        result: {
                            /** @description the SANs other than domainName, comma-separated */
                            additionalNames: string;
                            apple: {
                                bundleId?: string;
                                environments?: string[];
                                passTeamIdentifier?: string;
                                passTypeIdentifier?: string;
                                teamId?: string;
                                topics?: string[];
                            } | null;
                            certificateChallenge: string | null;
                            /** @description Active, Expired, Revoked, Failed, PendingValidation, Validating */
                            certificateStatus: string;
                            /** @description Imported, Managed or Discovered */
                            certificateType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description whole days until notAfter, rounded down; negative once expired; null before issuance */
                            daysLeft: number | null;
                            distributionId: string | null;
                            /** @description dns-01: the TXT records to publish for the pending order */
                            dnsRecords: {
                                key: string;
                                value: string;
                            }[];
                            domainName: string;
                            domainNameUnicode: string;
                            extendedKeyUsage: string[];
                            fingerprintSha1: string;
                            fingerprintSha256: string;
                            hasPrivateKey: boolean;
                            /** @description int32, stable for the slot */
                            id: number;
                            issuer: string;
                            keyUsage: string[];
                            /** @description tls, apns, pass, client, ca, other */
                            kind: string;
                            /** Format: date-time */
                            lastModified: string;
                            /** @description the issuing state of a certificate certkeeper issues and renews (source acme); null for the others */
                            managed: {
                                challengeType: string;
                                failureCount: number;
                                keyType: string;
                                lastProblem: {
                                    detail: string;
                                    /** @description admins only: the last 4 KiB a failed exec DNS hook wrote to stderr (certkeeper:challenge_hook_failed) */
                                    hookStderr?: string;
                                    type: string;
                                } | null;
                                nextAttemptAt: string | null;
                                renewAt: string | null;
                                revokeReason: string | null;
                            } | null;
                            notAfter: string | null;
                            notBefore: string | null;
                            /** Format: uuid */
                            organizationId: string;
                            /** Format: uuid */
                            projectId: string;
                            publicKeyInfo: string;
                            sans: string[];
                            /** @description sans with IDN labels shown in Unicode */
                            sansUnicode: string[];
                            /** @description Project or Organization */
                            scope: string;
                            /** @description 0 = Project, 1 = Organization */
                            scopeId: number;
                            scopeOptions: {
                                [key: string]: number;
                            };
                            serialNumber: string;
                            signatureAlgorithm: string;
                            /** @description imported, acme, discovered */
                            source: string;
                            /**
                             * Format: uuid
                             * @description names the current material; changes on renewal
                             */
                            sslCertificateId: string;
                            /** @description lifecycle status with expiry applied: pending_validation, validating, issued, failed, revoked, expired */
                            status: string;
                            subject: string;
                            /** @description 16 characters [a-z0-9] */
                            uid: string;
                        } | null;
                        resultInfo: null;
                        success: boolean;
                    };
                };
            };
            /** @description Service Unavailable: code is one of acme_unavailable, apns_unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        errors: string[];
                        messages: string[];
                        /** @description the certificate after the failed attempt */
                        result: {
                            /** @description the SANs other than domainName, comma-separated */
                            additionalNames: string;
                            apple: {
                                bundleId?: string;
                                environments?: string[];
                                passTeamIdentifier?: string;
                                passTypeIdentifier?: string;
                                teamId?: string;
                                topics?: string[];
                            } | null;
                            certificateChallenge: string | null;
                            /** @description Active, Expired, Revoked, Failed, PendingValidation, Validating */
                            certificateStatus: string;
                            /** @description Imported, Managed or Discovered */
                            certificateType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description whole days until notAfter, rounded down; negative once expired; null before issuance */
                            daysLeft: number | null;
                            distributionId: string | null;
                            /** @description dns-01: the TXT records to publish for the pending order */
                            dnsRecords: {
                                key: string;
                                value: string;
                            }[];
                            domainName: string;
                            domainNameUnicode: string;
                            extendedKeyUsage: string[];
                            fingerprintSha1: string;
                            fingerprintSha256: string;
                            hasPrivateKey: boolean;
                            /** @description int32, stable for the slot */
                            id: number;
                            issuer: string;
                            keyUsage: string[];
                            /** @description tls, apns, pass, client, ca, other */
                            kind: string;
                            /** Format: date-time */
                            lastModified: string;
                            /** @description the issuing state of a certificate certkeeper issues and renews (source acme); null for the others */
                            managed: {
                                challengeType: string;
                                failureCount: number;
                                keyType: string;
                                lastProblem: {
                                    detail: string;
                                    /** @description admins only: the last 4 KiB a failed exec DNS hook wrote to stderr (certkeeper:challenge_hook_failed) */
                                    hookStderr?: string;
                                    type: string;
                                } | null;
                                nextAttemptAt: string | null;
                                renewAt: string | null;
                                revokeReason: string | null;
                            } | null;
                            notAfter: string | null;
                            notBefore: string | null;
                            /** Format: uuid */
                            organizationId: string;
                            /** Format: uuid */
                            projectId: string;
                            publicKeyInfo: string;
                            sans: string[];
                            /** @description sans with IDN labels shown in Unicode */
                            sansUnicode: string[];
                            /** @description Project or Organization */
                            scope: string;
                            /** @description 0 = Project, 1 = Organization */
                            scopeId: number;
                            scopeOptions: {
                                [key: string]: number;
                            };
                            serialNumber: string;
                            signatureAlgorithm: string;
                            /** @description imported, acme, discovered */
                            source: string;
                            /**
                             * Format: uuid
                             * @description names the current material; changes on renewal
                             */
                            sslCertificateId: string;
                            /** @description lifecycle status with expiry applied: pending_validation, validating, issued, failed, revoked, expired */
                            status: string;
                            subject: string;
                            /** @description 16 characters [a-z0-9] */
                            uid: string;
                        } | null;
                        resultInfo: null;
                        success: boolean;
                    };
                };
            };
        };
    };
    listCertificateVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            createdAt: string;
                            current: boolean;
                            fingerprintSha256: string;
                            hasPrivateKey: boolean;
                            /** Format: date-time */
                            notAfter: string;
                            /** Format: date-time */
                            notBefore: string;
                            /** Format: uuid */
                            sslCertificateId: string;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    importCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: multi-line-text
                     * @description PEM, or base64 of DER. Extra certificates after the first join the chain.
                     */
                    certificateBody?: string;
                    /**
                     * Format: multi-line-text
                     * @description issuer certificates, PEM; any order
                     */
                    certificateChain?: string;
                    /**
                     * Format: multi-line-text
                     * @description PEM (PKCS#8, PKCS#1, SEC1) or base64 DER; leave out to monitor only
                     */
                    certificatePrivateKey?: string;
                    /** Format: single-line-text */
                    password?: string;
                    /**
                     * Format: multi-line-text
                     * @description base64 of a PKCS#12 (.p12/.pfx) file, modern or legacy encryption
                     */
                    pkcs12?: string;
                    /** @description 0 = Project (default), 1 = Organization */
                    scopeId?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description the SANs other than domainName, comma-separated */
                            additionalNames: string;
                            apple: {
                                bundleId?: string;
                                environments?: string[];
                                passTeamIdentifier?: string;
                                passTypeIdentifier?: string;
                                teamId?: string;
                                topics?: string[];
                            } | null;
                            certificateChallenge: string | null;
                            /** @description Active, Expired, Revoked, Failed, PendingValidation, Validating */
                            certificateStatus: string;
                            /** @description Imported, Managed or Discovered */
                            certificateType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description whole days until notAfter, rounded down; negative once expired; null before issuance */
                            daysLeft: number | null;
                            distributionId: string | null;
                            /** @description dns-01: the TXT records to publish for the pending order */
                            dnsRecords: {
                                key: string;
                                value: string;
                            }[];
                            domainName: string;
                            domainNameUnicode: string;
                            extendedKeyUsage: string[];
                            fingerprintSha1: string;
                            fingerprintSha256: string;
                            hasPrivateKey: boolean;
                            /** @description int32, stable for the slot */
                            id: number;
                            issuer: string;
                            keyUsage: string[];
                            /** @description tls, apns, pass, client, ca, other */
                            kind: string;
                            /** Format: date-time */
                            lastModified: string;
                            /** @description the issuing state of a certificate certkeeper issues and renews (source acme); null for the others */
                            managed: {
                                challengeType: string;
                                failureCount: number;
                                keyType: string;
                                lastProblem: {
                                    detail: string;
                                    /** @description admins only: the last 4 KiB a failed exec DNS hook wrote to stderr (certkeeper:challenge_hook_failed) */
                                    hookStderr?: string;
                                    type: string;
                                } | null;
                                nextAttemptAt: string | null;
                                renewAt: string | null;
                                revokeReason: string | null;
                            } | null;
                            notAfter: string | null;
                            notBefore: string | null;
                            /** Format: uuid */
                            organizationId: string;
                            /** Format: uuid */
                            projectId: string;
                            publicKeyInfo: string;
                            sans: string[];
                            /** @description sans with IDN labels shown in Unicode */
                            sansUnicode: string[];
                            /** @description Project or Organization */
                            scope: string;
                            /** @description 0 = Project, 1 = Organization */
                            scopeId: number;
                            scopeOptions: {
                                [key: string]: number;
                            };
                            serialNumber: string;
                            signatureAlgorithm: string;
                            /** @description imported, acme, discovered */
                            source: string;
                            /**
                             * Format: uuid
                             * @description names the current material; changes on renewal
                             */
                            sslCertificateId: string;
                            /** @description lifecycle status with expiry applied: pending_validation, validating, issued, failed, revoked, expired */
                            status: string;
                            subject: string;
                            /** @description 16 characters [a-z0-9] */
                            uid: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    importCertificates: {
        parameters: {
            query?: {
                /** @description true: each item carries the certificate id only (certificate is null); cheaper for bulk tools */
                brief?: boolean;
            };
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    items: {
                        /**
                         * Format: multi-line-text
                         * @description PEM, or base64 of DER. Extra certificates after the first join the chain.
                         */
                        certificateBody?: string;
                        /**
                         * Format: multi-line-text
                         * @description issuer certificates, PEM; any order
                         */
                        certificateChain?: string;
                        /**
                         * Format: multi-line-text
                         * @description PEM (PKCS#8, PKCS#1, SEC1) or base64 DER; leave out to monitor only
                         */
                        certificatePrivateKey?: string;
                        /** Format: single-line-text */
                        password?: string;
                        /**
                         * Format: multi-line-text
                         * @description base64 of a PKCS#12 (.p12/.pfx) file, modern or legacy encryption
                         */
                        pkcs12?: string;
                        /** @description 0 = Project (default), 1 = Organization */
                        scopeId?: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description the certificate, unless brief=true */
                            certificate: {
                                /** @description the SANs other than domainName, comma-separated */
                                additionalNames: string;
                                apple: {
                                    bundleId?: string;
                                    environments?: string[];
                                    passTeamIdentifier?: string;
                                    passTypeIdentifier?: string;
                                    teamId?: string;
                                    topics?: string[];
                                } | null;
                                certificateChallenge: string | null;
                                /** @description Active, Expired, Revoked, Failed, PendingValidation, Validating */
                                certificateStatus: string;
                                /** @description Imported, Managed or Discovered */
                                certificateType: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description whole days until notAfter, rounded down; negative once expired; null before issuance */
                                daysLeft: number | null;
                                distributionId: string | null;
                                /** @description dns-01: the TXT records to publish for the pending order */
                                dnsRecords: {
                                    key: string;
                                    value: string;
                                }[];
                                domainName: string;
                                domainNameUnicode: string;
                                extendedKeyUsage: string[];
                                fingerprintSha1: string;
                                fingerprintSha256: string;
                                hasPrivateKey: boolean;
                                /** @description int32, stable for the slot */
                                id: number;
                                issuer: string;
                                keyUsage: string[];
                                /** @description tls, apns, pass, client, ca, other */
                                kind: string;
                                /** Format: date-time */
                                lastModified: string;
                                /** @description the issuing state of a certificate certkeeper issues and renews (source acme); null for the others */
                                managed: {
                                    challengeType: string;
                                    failureCount: number;
                                    keyType: string;
                                    lastProblem: {
                                        detail: string;
                                        /** @description admins only: the last 4 KiB a failed exec DNS hook wrote to stderr (certkeeper:challenge_hook_failed) */
                                        hookStderr?: string;
                                        type: string;
                                    } | null;
                                    nextAttemptAt: string | null;
                                    renewAt: string | null;
                                    revokeReason: string | null;
                                } | null;
                                notAfter: string | null;
                                notBefore: string | null;
                                /** Format: uuid */
                                organizationId: string;
                                /** Format: uuid */
                                projectId: string;
                                publicKeyInfo: string;
                                sans: string[];
                                /** @description sans with IDN labels shown in Unicode */
                                sansUnicode: string[];
                                /** @description Project or Organization */
                                scope: string;
                                /** @description 0 = Project, 1 = Organization */
                                scopeId: number;
                                scopeOptions: {
                                    [key: string]: number;
                                };
                                serialNumber: string;
                                signatureAlgorithm: string;
                                /** @description imported, acme, discovered */
                                source: string;
                                /**
                                 * Format: uuid
                                 * @description names the current material; changes on renewal
                                 */
                                sslCertificateId: string;
                                /** @description lifecycle status with expiry applied: pending_validation, validating, issued, failed, revoked, expired */
                                status: string;
                                subject: string;
                                /** @description 16 characters [a-z0-9] */
                                uid: string;
                            } | null;
                            /** @description the error code when success is false (docs/errors.md) */
                            code: string | null;
                            /** @description the same material was already in the inventory; certificate is the existing record */
                            duplicate: boolean;
                            errors: string[];
                            /** @description the certificate id (new or existing), null when the item failed */
                            id: number | null;
                            /** @description position of the item in the request */
                            index: number;
                            messages: string[];
                            success: boolean;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getProjectDashboard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            counts: {
                                byKind: {
                                    apns: number;
                                    ca: number;
                                    client: number;
                                    other: number;
                                    pass: number;
                                    tls: number;
                                };
                                byStatus: {
                                    Active: number;
                                    Expired: number;
                                    Failed: number;
                                    PendingValidation: number;
                                    Revoked: number;
                                    Validating: number;
                                };
                                /** @description non-zero pairs only */
                                byStatusAndKind: {
                                    count: number;
                                    kind: "tls" | "apns" | "pass" | "client" | "ca" | "other";
                                    /** @description as the certificate list filter names it */
                                    status: "PendingValidation" | "Validating" | "Active" | "Failed" | "Revoked" | "Expired";
                                }[];
                                /** @description visible certificates: the project’s own and its organization’s Organization-scoped ones */
                                total: number;
                            };
                            /** @description the 10 certificates that expire next (Active, soonest first) */
                            expiringNext: {
                                daysLeft: number;
                                domainName: string;
                                id: number;
                                kind: "tls" | "apns" | "pass" | "client" | "ca" | "other";
                                /** Format: date-time */
                                notAfter: string;
                                /** @description as the certificate list filter names it */
                                status: "PendingValidation" | "Validating" | "Active" | "Failed" | "Revoked" | "Expired";
                            }[];
                            needsAttention: {
                                groups: {
                                    /** @description there are more than count */
                                    capped: boolean;
                                    /** @description counted up to 1,000 */
                                    count: number;
                                    /** @description the first 10, latest first */
                                    items: {
                                        certificateId: number | null;
                                        kind: "renewal_failed" | "dns_records_pending" | "push_certificate_revoked" | "deployment_failed" | "deployment_stale" | "endpoint_unreachable" | "channel_failing";
                                        name: string;
                                        objectId: string;
                                        objectType: "certificate" | "app" | "deployment" | "endpoint" | "notification_channel";
                                        /** @description short, in words */
                                        reason: string;
                                        since: string | null;
                                    }[];
                                    kind: "renewal_failed" | "dns_records_pending" | "push_certificate_revoked" | "deployment_failed" | "deployment_stale" | "endpoint_unreachable" | "channel_failing";
                                }[];
                                /** @description the sum of the groups’ counts */
                                total: number;
                            };
                            /**
                             * Format: date-time
                             * @description the server clock's now every figure is computed at
                             */
                            now: string;
                            /** @description the project’s last 20 events, newest first */
                            recentEvents: {
                                actor: string;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                id: number;
                                objectId: string;
                                objectType: string;
                                type: string;
                            }[];
                            /** @description the expired bucket (status=Expired), then 52 weeks: the one now is in (from just after now) and the 51 after it */
                            timeline: {
                                byKind: {
                                    apns: number;
                                    ca: number;
                                    client: number;
                                    other: number;
                                    pass: number;
                                    tls: number;
                                };
                                byStatus: {
                                    Active: number;
                                    Expired: number;
                                    Failed: number;
                                    PendingValidation: number;
                                    Revoked: number;
                                    Validating: number;
                                };
                                from: string | null;
                                /** @description `expired`, then the ISO weeks (`2026-W51`) */
                                key: string;
                                /**
                                 * Format: date-time
                                 * @description notAfter before (expiringBefore)
                                 */
                                to: string;
                                total: number;
                                weekStart: string | null;
                            }[];
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listDeploymentTargets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description agent targets: the deployment key `certkeeper agent --key` takes; only in the answer that made it (creation, rotation), never shown again */
                            agentKey?: string;
                            /** @description what may be shown; never a secret */
                            config: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** @description a secret of the config is stored (see secretFields) */
                            hasSecret: boolean;
                            id: number;
                            name: string;
                            /** Format: uuid */
                            projectId: string;
                            /** @description the secret config fields stored (e.g. privateKey, passphrase, password, pkcs12Password): sealed, their values never returned */
                            secretFields: string[];
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createDeploymentTarget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the type's config: required for local and ssh targets; empty or absent for agent targets */
                    config?: {
                        /**
                         * Format: single-line-text
                         * @description relative to the server's CERTKEEPER_DEPLOY_ROOT; may not leave it (no absolute path, no `..`, no symbolic link out of the root)
                         */
                        directory: string;
                        group?: (string | number) | null;
                        owner?: (string | number) | null;
                        /** @description also write cert.p12 (mode 0600), encrypted with pkcs12Password; default false */
                        pkcs12?: boolean;
                        /**
                         * Format: single-line-text
                         * @description stored encrypted, never returned; on update, absent keeps the stored one
                         */
                        pkcs12Password?: string;
                        reloadHook?: string | null;
                        /** @description the hook is killed, with everything it started, after this; default 60 */
                        reloadTimeoutSeconds?: number;
                    } | {
                        /** @description connection, key exchange and authentication must be done within this; default 15 */
                        connectTimeoutSeconds?: number;
                        /**
                         * Format: single-line-text
                         * @description where the deployments' folders go: an absolute path on the host, or relative to the login's home directory; no `..`
                         */
                        directory: string;
                        /**
                         * Format: single-line-text
                         * @description the SSH server: a host name or an IP address; the outbound address policy applies (CERTKEEPER_OUTBOUND_ALLOW / _DENY)
                         */
                        host: string;
                        /**
                         * Format: single-line-text
                         * @description required: the pinned host key: its OpenSSH SHA256 fingerprint (`ssh-keyscan HOST | ssh-keygen -lf -`), e.g. SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s; another key refuses the connection before authenticating
                         */
                        hostKeySha256?: string;
                        /** @description each SFTP request must be answered within this; default 30 */
                        operationTimeoutSeconds?: number;
                        passphrase?: string | null;
                        password?: string | null;
                        /** @description also write cert.p12 (mode 0600), encrypted with pkcs12Password; default false */
                        pkcs12?: boolean;
                        pkcs12Password?: string | null;
                        /** @description default 22 */
                        port?: number;
                        privateKey?: string | null;
                        reloadCommand?: string | null;
                        /** @description the reload command is given up (KILL asked, channel closed) after this; default 60 */
                        reloadTimeoutSeconds?: number;
                        /**
                         * Format: single-line-text
                         * @description the login
                         */
                        username: string;
                    } | Record<string, never>;
                    /** Format: single-line-text */
                    name: string;
                    /** @description local: files on the server itself; ssh: files on another host over SFTP; agent: `certkeeper agent` on the host fetches them with the deployment key the creation answers */
                    type: "local" | "ssh" | "agent";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description agent targets: the deployment key `certkeeper agent --key` takes; only in the answer that made it (creation, rotation), never shown again */
                            agentKey?: string;
                            /** @description what may be shown; never a secret */
                            config: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** @description a secret of the config is stored (see secretFields) */
                            hasSecret: boolean;
                            id: number;
                            name: string;
                            /** Format: uuid */
                            projectId: string;
                            /** @description the secret config fields stored (e.g. privateKey, passphrase, password, pkcs12Password): sealed, their values never returned */
                            secretFields: string[];
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getDeploymentTarget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                targetId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description agent targets: the deployment key `certkeeper agent --key` takes; only in the answer that made it (creation, rotation), never shown again */
                            agentKey?: string;
                            /** @description what may be shown; never a secret */
                            config: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** @description a secret of the config is stored (see secretFields) */
                            hasSecret: boolean;
                            id: number;
                            name: string;
                            /** Format: uuid */
                            projectId: string;
                            /** @description the secret config fields stored (e.g. privateKey, passphrase, password, pkcs12Password): sealed, their values never returned */
                            secretFields: string[];
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateDeploymentTarget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                targetId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the type's config: absent fields keep their stored values */
                    config?: {
                        /**
                         * Format: single-line-text
                         * @description relative to the server's CERTKEEPER_DEPLOY_ROOT; may not leave it (no absolute path, no `..`, no symbolic link out of the root)
                         */
                        directory?: string;
                        group?: (string | number) | null;
                        owner?: (string | number) | null;
                        /** @description also write cert.p12 (mode 0600), encrypted with pkcs12Password; default false */
                        pkcs12?: boolean;
                        /**
                         * Format: single-line-text
                         * @description stored encrypted, never returned; on update, absent keeps the stored one
                         */
                        pkcs12Password?: string;
                        reloadHook?: string | null;
                        /** @description the hook is killed, with everything it started, after this; default 60 */
                        reloadTimeoutSeconds?: number;
                    } | {
                        /** @description connection, key exchange and authentication must be done within this; default 15 */
                        connectTimeoutSeconds?: number;
                        /**
                         * Format: single-line-text
                         * @description where the deployments' folders go: an absolute path on the host, or relative to the login's home directory; no `..`
                         */
                        directory?: string;
                        /**
                         * Format: single-line-text
                         * @description the SSH server: a host name or an IP address; the outbound address policy applies (CERTKEEPER_OUTBOUND_ALLOW / _DENY)
                         */
                        host?: string;
                        /**
                         * Format: single-line-text
                         * @description required: the pinned host key: its OpenSSH SHA256 fingerprint (`ssh-keyscan HOST | ssh-keygen -lf -`), e.g. SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s; another key refuses the connection before authenticating
                         */
                        hostKeySha256?: string;
                        /** @description each SFTP request must be answered within this; default 30 */
                        operationTimeoutSeconds?: number;
                        passphrase?: string | null;
                        password?: string | null;
                        /** @description also write cert.p12 (mode 0600), encrypted with pkcs12Password; default false */
                        pkcs12?: boolean;
                        pkcs12Password?: string | null;
                        /** @description default 22 */
                        port?: number;
                        privateKey?: string | null;
                        reloadCommand?: string | null;
                        /** @description the reload command is given up (KILL asked, channel closed) after this; default 60 */
                        reloadTimeoutSeconds?: number;
                        /**
                         * Format: single-line-text
                         * @description the login
                         */
                        username?: string;
                    };
                    /** Format: single-line-text */
                    name?: string;
                    /** @description local: files on the server itself; ssh: files on another host over SFTP; agent: `certkeeper agent` on the host fetches them with the deployment key the creation answers */
                    type?: "local" | "ssh" | "agent";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description agent targets: the deployment key `certkeeper agent --key` takes; only in the answer that made it (creation, rotation), never shown again */
                            agentKey?: string;
                            /** @description what may be shown; never a secret */
                            config: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** @description a secret of the config is stored (see secretFields) */
                            hasSecret: boolean;
                            id: number;
                            name: string;
                            /** Format: uuid */
                            projectId: string;
                            /** @description the secret config fields stored (e.g. privateKey, passphrase, password, pkcs12Password): sealed, their values never returned */
                            secretFields: string[];
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteDeploymentTarget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                targetId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description agent targets: the deployment key `certkeeper agent --key` takes; only in the answer that made it (creation, rotation), never shown again */
                            agentKey?: string;
                            /** @description what may be shown; never a secret */
                            config: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** @description a secret of the config is stored (see secretFields) */
                            hasSecret: boolean;
                            id: number;
                            name: string;
                            /** Format: uuid */
                            projectId: string;
                            /** @description the secret config fields stored (e.g. privateKey, passphrase, password, pkcs12Password): sealed, their values never returned */
                            secretFields: string[];
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    rotateDeploymentTargetAgentKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                targetId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description agent targets: the deployment key `certkeeper agent --key` takes; only in the answer that made it (creation, rotation), never shown again */
                            agentKey?: string;
                            /** @description what may be shown; never a secret */
                            config: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** @description a secret of the config is stored (see secretFields) */
                            hasSecret: boolean;
                            id: number;
                            name: string;
                            /** Format: uuid */
                            projectId: string;
                            /** @description the secret config fields stored (e.g. privateKey, passphrase, password, pkcs12Password): sealed, their values never returned */
                            secretFields: string[];
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listDeployments: {
        parameters: {
            query?: {
                certificateId?: number;
                /** @description 1-based page number */
                pageIndex?: number;
                pageSize?: number;
                targetId?: number;
            };
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description failed attempts at the current version */
                            attempts: number;
                            certificateId: number;
                            /** Format: date-time */
                            createdAt: string;
                            currentFingerprintSha256: string | null;
                            deployedAt: string | null;
                            endpointIds: number[];
                            fingerprintSha256: string | null;
                            id: number;
                            lastAttemptAt: string | null;
                            lastError: {
                                code: string;
                                /** @description admins only: the last 4 KiB the reload hook or reload command wrote to stderr */
                                hookStderr?: string;
                                message: string;
                            } | null;
                            name: string;
                            nextAttemptAt: string | null;
                            /** Format: uuid */
                            projectId: string;
                            sslCertificateId: string | null;
                            status: "pending" | "deployed" | "verified" | "failed";
                            targetId: number;
                            /** Format: date-time */
                            updatedAt: string;
                            verifiedAt: string | null;
                            verifyDeadline: string | null;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createDeployment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    certificateId: number;
                    /** @description watched endpoints that must serve the deployed certificate for it to be verified */
                    endpointIds?: number[];
                    /**
                     * Format: single-line-text
                     * @description the folder under the target's directory; default the certificate's domain name (a wildcard's * as _)
                     */
                    name?: string;
                    targetId: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description failed attempts at the current version */
                            attempts: number;
                            certificateId: number;
                            /** Format: date-time */
                            createdAt: string;
                            currentFingerprintSha256: string | null;
                            deployedAt: string | null;
                            endpointIds: number[];
                            fingerprintSha256: string | null;
                            id: number;
                            lastAttemptAt: string | null;
                            lastError: {
                                code: string;
                                /** @description admins only: the last 4 KiB the reload hook or reload command wrote to stderr */
                                hookStderr?: string;
                                message: string;
                            } | null;
                            name: string;
                            nextAttemptAt: string | null;
                            /** Format: uuid */
                            projectId: string;
                            sslCertificateId: string | null;
                            status: "pending" | "deployed" | "verified" | "failed";
                            targetId: number;
                            /** Format: date-time */
                            updatedAt: string;
                            verifiedAt: string | null;
                            verifyDeadline: string | null;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getDeployment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deploymentId: number;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description failed attempts at the current version */
                            attempts: number;
                            certificateId: number;
                            /** Format: date-time */
                            createdAt: string;
                            currentFingerprintSha256: string | null;
                            deployedAt: string | null;
                            endpointIds: number[];
                            fingerprintSha256: string | null;
                            id: number;
                            lastAttemptAt: string | null;
                            lastError: {
                                code: string;
                                /** @description admins only: the last 4 KiB the reload hook or reload command wrote to stderr */
                                hookStderr?: string;
                                message: string;
                            } | null;
                            name: string;
                            nextAttemptAt: string | null;
                            /** Format: uuid */
                            projectId: string;
                            sslCertificateId: string | null;
                            status: "pending" | "deployed" | "verified" | "failed";
                            targetId: number;
                            /** Format: date-time */
                            updatedAt: string;
                            verifiedAt: string | null;
                            verifyDeadline: string | null;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteDeployment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deploymentId: number;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description failed attempts at the current version */
                            attempts: number;
                            certificateId: number;
                            /** Format: date-time */
                            createdAt: string;
                            currentFingerprintSha256: string | null;
                            deployedAt: string | null;
                            endpointIds: number[];
                            fingerprintSha256: string | null;
                            id: number;
                            lastAttemptAt: string | null;
                            lastError: {
                                code: string;
                                /** @description admins only: the last 4 KiB the reload hook or reload command wrote to stderr */
                                hookStderr?: string;
                                message: string;
                            } | null;
                            name: string;
                            nextAttemptAt: string | null;
                            /** Format: uuid */
                            projectId: string;
                            sslCertificateId: string | null;
                            status: "pending" | "deployed" | "verified" | "failed";
                            targetId: number;
                            /** Format: date-time */
                            updatedAt: string;
                            verifiedAt: string | null;
                            verifyDeadline: string | null;
                        } & {
                            deleted: boolean;
                            filesRemoved: boolean;
                            note: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deployDeployment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deploymentId: number;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description failed attempts at the current version */
                            attempts: number;
                            certificateId: number;
                            /** Format: date-time */
                            createdAt: string;
                            currentFingerprintSha256: string | null;
                            deployedAt: string | null;
                            endpointIds: number[];
                            fingerprintSha256: string | null;
                            id: number;
                            lastAttemptAt: string | null;
                            lastError: {
                                code: string;
                                /** @description admins only: the last 4 KiB the reload hook or reload command wrote to stderr */
                                hookStderr?: string;
                                message: string;
                            } | null;
                            name: string;
                            nextAttemptAt: string | null;
                            /** Format: uuid */
                            projectId: string;
                            sslCertificateId: string | null;
                            status: "pending" | "deployed" | "verified" | "failed";
                            targetId: number;
                            /** Format: date-time */
                            updatedAt: string;
                            verifiedAt: string | null;
                            verifyDeadline: string | null;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listEndpoints: {
        parameters: {
            query?: {
                /** @description only the endpoints whose last probe served this inventory certificate */
                certificateId?: number;
                /** @description 1-based page number */
                pageIndex?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            certificateId: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            host: string;
                            id: number;
                            lastProbe: {
                                address: string | null;
                                /** @description SHA-256 (hex) of each certificate as served, leaf first */
                                chainFingerprints: string[];
                                chainTrusted: boolean | null;
                                cipher: string | null;
                                error: {
                                    /** @description connection_refused, host_not_found, timeout, not_tls, starttls_refused, address_refused, … */
                                    code: string;
                                    message: string;
                                    step: string;
                                } | null;
                                findings: {
                                    data: {
                                        [key: string]: unknown;
                                    };
                                    message: string;
                                    /** @description the audit event type is endpoint.<type> */
                                    type: "expiring" | "expired" | "mismatch" | "untrusted" | "stale_deployment" | "unreachable";
                                }[];
                                leaf: {
                                    domainName: string;
                                    fingerprintSha256: string;
                                    issuer: string;
                                    /** Format: date-time */
                                    notAfter: string;
                                    /** Format: date-time */
                                    notBefore: string;
                                    sans: string[];
                                    subject: string;
                                } | null;
                                nameError: string | null;
                                nameMatches: boolean | null;
                                /** Format: date-time */
                                probedAt: string;
                                tlsVersion: string | null;
                                trustError: string | null;
                            } | null;
                            port: number;
                            /** Format: uuid */
                            projectId: string;
                            protocol: string;
                            serverName: string | null;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: single-line-text */
                    host: string;
                    port: number;
                    /** @description tls, or STARTTLS over smtp, imap, ldap, postgres (SSLRequest) */
                    protocol: "tls" | "smtp" | "imap" | "ldap" | "postgres";
                    serverName?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            certificateId: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            host: string;
                            id: number;
                            lastProbe: {
                                address: string | null;
                                /** @description SHA-256 (hex) of each certificate as served, leaf first */
                                chainFingerprints: string[];
                                chainTrusted: boolean | null;
                                cipher: string | null;
                                error: {
                                    /** @description connection_refused, host_not_found, timeout, not_tls, starttls_refused, address_refused, … */
                                    code: string;
                                    message: string;
                                    step: string;
                                } | null;
                                findings: {
                                    data: {
                                        [key: string]: unknown;
                                    };
                                    message: string;
                                    /** @description the audit event type is endpoint.<type> */
                                    type: "expiring" | "expired" | "mismatch" | "untrusted" | "stale_deployment" | "unreachable";
                                }[];
                                leaf: {
                                    domainName: string;
                                    fingerprintSha256: string;
                                    issuer: string;
                                    /** Format: date-time */
                                    notAfter: string;
                                    /** Format: date-time */
                                    notBefore: string;
                                    sans: string[];
                                    subject: string;
                                } | null;
                                nameError: string | null;
                                nameMatches: boolean | null;
                                /** Format: date-time */
                                probedAt: string;
                                tlsVersion: string | null;
                                trustError: string | null;
                            } | null;
                            port: number;
                            /** Format: uuid */
                            projectId: string;
                            protocol: string;
                            serverName: string | null;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpointId: number;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            certificateId: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            host: string;
                            id: number;
                            lastProbe: {
                                address: string | null;
                                /** @description SHA-256 (hex) of each certificate as served, leaf first */
                                chainFingerprints: string[];
                                chainTrusted: boolean | null;
                                cipher: string | null;
                                error: {
                                    /** @description connection_refused, host_not_found, timeout, not_tls, starttls_refused, address_refused, … */
                                    code: string;
                                    message: string;
                                    step: string;
                                } | null;
                                findings: {
                                    data: {
                                        [key: string]: unknown;
                                    };
                                    message: string;
                                    /** @description the audit event type is endpoint.<type> */
                                    type: "expiring" | "expired" | "mismatch" | "untrusted" | "stale_deployment" | "unreachable";
                                }[];
                                leaf: {
                                    domainName: string;
                                    fingerprintSha256: string;
                                    issuer: string;
                                    /** Format: date-time */
                                    notAfter: string;
                                    /** Format: date-time */
                                    notBefore: string;
                                    sans: string[];
                                    subject: string;
                                } | null;
                                nameError: string | null;
                                nameMatches: boolean | null;
                                /** Format: date-time */
                                probedAt: string;
                                tlsVersion: string | null;
                                trustError: string | null;
                            } | null;
                            port: number;
                            /** Format: uuid */
                            projectId: string;
                            protocol: string;
                            serverName: string | null;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpointId: number;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            certificateId: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            host: string;
                            id: number;
                            lastProbe: {
                                address: string | null;
                                /** @description SHA-256 (hex) of each certificate as served, leaf first */
                                chainFingerprints: string[];
                                chainTrusted: boolean | null;
                                cipher: string | null;
                                error: {
                                    /** @description connection_refused, host_not_found, timeout, not_tls, starttls_refused, address_refused, … */
                                    code: string;
                                    message: string;
                                    step: string;
                                } | null;
                                findings: {
                                    data: {
                                        [key: string]: unknown;
                                    };
                                    message: string;
                                    /** @description the audit event type is endpoint.<type> */
                                    type: "expiring" | "expired" | "mismatch" | "untrusted" | "stale_deployment" | "unreachable";
                                }[];
                                leaf: {
                                    domainName: string;
                                    fingerprintSha256: string;
                                    issuer: string;
                                    /** Format: date-time */
                                    notAfter: string;
                                    /** Format: date-time */
                                    notBefore: string;
                                    sans: string[];
                                    subject: string;
                                } | null;
                                nameError: string | null;
                                nameMatches: boolean | null;
                                /** Format: date-time */
                                probedAt: string;
                                tlsVersion: string | null;
                                trustError: string | null;
                            } | null;
                            port: number;
                            /** Format: uuid */
                            projectId: string;
                            protocol: string;
                            serverName: string | null;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    probeEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpointId: number;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            certificateId: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            host: string;
                            id: number;
                            lastProbe: {
                                address: string | null;
                                /** @description SHA-256 (hex) of each certificate as served, leaf first */
                                chainFingerprints: string[];
                                chainTrusted: boolean | null;
                                cipher: string | null;
                                error: {
                                    /** @description connection_refused, host_not_found, timeout, not_tls, starttls_refused, address_refused, … */
                                    code: string;
                                    message: string;
                                    step: string;
                                } | null;
                                findings: {
                                    data: {
                                        [key: string]: unknown;
                                    };
                                    message: string;
                                    /** @description the audit event type is endpoint.<type> */
                                    type: "expiring" | "expired" | "mismatch" | "untrusted" | "stale_deployment" | "unreachable";
                                }[];
                                leaf: {
                                    domainName: string;
                                    fingerprintSha256: string;
                                    issuer: string;
                                    /** Format: date-time */
                                    notAfter: string;
                                    /** Format: date-time */
                                    notBefore: string;
                                    sans: string[];
                                    subject: string;
                                } | null;
                                nameError: string | null;
                                nameMatches: boolean | null;
                                /** Format: date-time */
                                probedAt: string;
                                tlsVersion: string | null;
                                trustError: string | null;
                            } | null;
                            port: number;
                            /** Format: uuid */
                            projectId: string;
                            protocol: string;
                            serverName: string | null;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description the object's id (a certificate id, …); with objectType */
                objectId?: string;
                /** @description certificate, endpoint, api_key, …; with objectId */
                objectType?: string;
                /** @description 1-based page number */
                pageIndex?: number;
                pageSize?: number;
                /** @description only events at or after this instant */
                since?: string;
                type?: string;
                /** @description only events before this instant */
                until?: string;
            };
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            actor: string;
                            /** Format: date-time */
                            createdAt: string;
                            data: {
                                [key: string]: unknown;
                            };
                            id: number;
                            objectId: string;
                            objectType: string;
                            type: string;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listProjectMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** @description invited, and has not set a password yet */
                            pending: boolean;
                            role: string;
                            /** Format: uuid */
                            userId: string;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    addProjectMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: single-line-text */
                    email: string;
                    role: "viewer" | "editor" | "admin";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            invitation: {
                                /** Format: date-time */
                                expiresAt: string;
                                /** @description the console page that accepts it, relative to the server: share it with the person */
                                link: string;
                                /** @description shown once; only its hash is stored */
                                token: string;
                            } | null;
                            member: {
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /** @description invited, and has not set a password yet */
                                pending: boolean;
                                role: string;
                                /** Format: uuid */
                                userId: string;
                            };
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    removeProjectMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** @description invited, and has not set a password yet */
                            pending: boolean;
                            role: string;
                            /** Format: uuid */
                            userId: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateProjectMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    role: "viewer" | "editor" | "admin";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** @description invited, and has not set a password yet */
                            pending: boolean;
                            role: string;
                            /** Format: uuid */
                            userId: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listNotificationChannels: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description what may be shown: recipients, a redacted URL; never a secret */
                            config: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            hasSecret: boolean;
                            id: string;
                            name: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createNotificationChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description webhook: {url, secret}; email: {to: [addresses]}; slack, teams: {url}. On update, absent secret fields (url, secret) keep their stored value. */
                    config: {
                        [key: string]: unknown;
                    };
                    /** @default true */
                    enabled?: boolean;
                    /** Format: single-line-text */
                    name: string;
                    /**
                     * Format: single-line-text
                     * @description webhook | email | slack | teams
                     */
                    type: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description what may be shown: recipients, a redacted URL; never a secret */
                            config: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            hasSecret: boolean;
                            id: string;
                            name: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getNotificationChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description what may be shown: recipients, a redacted URL; never a secret */
                            config: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            hasSecret: boolean;
                            id: string;
                            name: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateNotificationChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description webhook: {url, secret}; email: {to: [addresses]}; slack, teams: {url}. On update, absent secret fields (url, secret) keep their stored value. */
                    config?: {
                        [key: string]: unknown;
                    };
                    enabled?: boolean;
                    /** Format: single-line-text */
                    name?: string;
                    /** Format: single-line-text */
                    type?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description what may be shown: recipients, a redacted URL; never a secret */
                            config: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            hasSecret: boolean;
                            id: string;
                            name: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteNotificationChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            deleted: boolean;
                            id: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    testNotificationChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            attempts: number;
                            channelId: string;
                            /** Format: date-time */
                            createdAt: string;
                            deliveredAt: string | null;
                            events: {
                                [key: string]: unknown;
                            }[];
                            id: string;
                            /** @description each | digest | test */
                            kind: string;
                            lastAttemptAt: string | null;
                            lastError: string | null;
                            /** @description the start of the last response (at most 1,000 characters) */
                            lastResponse: string | null;
                            lastStatusCode: number | null;
                            maxAttempts: number;
                            nextAttemptAt: string | null;
                            redeliveryOf: string | null;
                            /** @description pending | delivered | failed */
                            status: string;
                            /** @description the event type, or 'digest' / 'test' */
                            type: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getNotificationPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description one message per channel per sweep listing everything */
                            digest: boolean;
                            /** @description fractions of the lifetime remaining, for shorter-lived certificates */
                            lifetimeFractions: number[];
                            projectId: string;
                            /** @description days before notAfter, for certificates that live 90 days or more */
                            thresholdDays: number[];
                            /** @description null while the defaults apply */
                            updatedAt: string | null;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateNotificationPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    digest?: boolean;
                    lifetimeFractions?: number[];
                    thresholdDays?: number[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description one message per channel per sweep listing everything */
                            digest: boolean;
                            /** @description fractions of the lifetime remaining, for shorter-lived certificates */
                            lifetimeFractions: number[];
                            projectId: string;
                            /** @description days before notAfter, for certificates that live 90 days or more */
                            thresholdDays: number[];
                            /** @description null while the defaults apply */
                            updatedAt: string | null;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                channelId?: string;
                /** @description 1-based page number */
                pageIndex?: number;
                pageSize?: number;
                status?: "pending" | "delivered" | "failed";
            };
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            attempts: number;
                            channelId: string;
                            /** Format: date-time */
                            createdAt: string;
                            deliveredAt: string | null;
                            events: {
                                [key: string]: unknown;
                            }[];
                            id: string;
                            /** @description each | digest | test */
                            kind: string;
                            lastAttemptAt: string | null;
                            lastError: string | null;
                            /** @description the start of the last response (at most 1,000 characters) */
                            lastResponse: string | null;
                            lastStatusCode: number | null;
                            maxAttempts: number;
                            nextAttemptAt: string | null;
                            redeliveryOf: string | null;
                            /** @description pending | delivered | failed */
                            status: string;
                            /** @description the event type, or 'digest' / 'test' */
                            type: string;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notificationId: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            attempts: number;
                            channelId: string;
                            /** Format: date-time */
                            createdAt: string;
                            deliveredAt: string | null;
                            events: {
                                [key: string]: unknown;
                            }[];
                            id: string;
                            /** @description each | digest | test */
                            kind: string;
                            lastAttemptAt: string | null;
                            lastError: string | null;
                            /** @description the start of the last response (at most 1,000 characters) */
                            lastResponse: string | null;
                            lastStatusCode: number | null;
                            maxAttempts: number;
                            nextAttemptAt: string | null;
                            redeliveryOf: string | null;
                            /** @description pending | delivered | failed */
                            status: string;
                            /** @description the event type, or 'digest' / 'test' */
                            type: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    redeliverNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notificationId: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            attempts: number;
                            channelId: string;
                            /** Format: date-time */
                            createdAt: string;
                            deliveredAt: string | null;
                            events: {
                                [key: string]: unknown;
                            }[];
                            id: string;
                            /** @description each | digest | test */
                            kind: string;
                            lastAttemptAt: string | null;
                            lastError: string | null;
                            /** @description the start of the last response (at most 1,000 characters) */
                            lastResponse: string | null;
                            lastStatusCode: number | null;
                            maxAttempts: number;
                            nextAttemptAt: string | null;
                            redeliveryOf: string | null;
                            /** @description pending | delivered | failed */
                            status: string;
                            /** @description the event type, or 'digest' / 'test' */
                            type: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listServices: {
        parameters: {
            query?: {
                /** @description 1-based page number */
                pageIndex?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description int32, unique in the deployment (the serviceId of SwiftFederation WAAP paths) */
                            id: number;
                            name: string;
                            /** Format: uuid */
                            projectId: string;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: single-line-text */
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description int32, unique in the deployment (the serviceId of SwiftFederation WAAP paths) */
                            id: number;
                            name: string;
                            /** Format: uuid */
                            projectId: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                serviceId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description int32, unique in the deployment (the serviceId of SwiftFederation WAAP paths) */
                            id: number;
                            name: string;
                            /** Format: uuid */
                            projectId: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                serviceId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description int32, unique in the deployment (the serviceId of SwiftFederation WAAP paths) */
                            id: number;
                            name: string;
                            /** Format: uuid */
                            projectId: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listServiceDomains: {
        parameters: {
            query?: {
                /** @description 1-based page number */
                pageIndex?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                projectId: string;
                serviceId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description issuing, issued or failed: the last auto request, if any */
                            autocertRequestStatus: string | null;
                            autocertRequestTime: string | null;
                            /** @description the attached inventory certificate */
                            certificateId: number | null;
                            /** @description manual, auto or none */
                            certType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description lower-case A-labels (punycode); a wildcard as *.example.com */
                            domain: string;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    addServiceDomain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                serviceId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: single-line-text */
                    domain: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description issuing, issued or failed: the last auto request, if any */
                            autocertRequestStatus: string | null;
                            autocertRequestTime: string | null;
                            /** @description the attached inventory certificate */
                            certificateId: number | null;
                            /** @description manual, auto or none */
                            certType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description lower-case A-labels (punycode); a wildcard as *.example.com */
                            domain: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    removeServiceDomain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domain: string;
                projectId: string;
                serviceId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description issuing, issued or failed: the last auto request, if any */
                            autocertRequestStatus: string | null;
                            autocertRequestTime: string | null;
                            /** @description the attached inventory certificate */
                            certificateId: number | null;
                            /** @description manual, auto or none */
                            certType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description lower-case A-labels (punycode); a wildcard as *.example.com */
                            domain: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    requestDomainAutocert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domain: string;
                projectId: string;
                serviceId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description default ec-p256 */
                    keyType?: "ec-p256" | "ec-p384" | "rsa-2048" | "rsa-3072" | "rsa-4096";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description issuing, issued or failed: the last auto request, if any */
                            autocertRequestStatus: string | null;
                            autocertRequestTime: string | null;
                            /** @description the attached inventory certificate */
                            certificateId: number | null;
                            /** @description manual, auto or none */
                            certType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description lower-case A-labels (punycode); a wildcard as *.example.com */
                            domain: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Bad Gateway: code is one of acme_error, dns_update_failed, challenge_hook_failed, deploy_hook_failed, ssh_host_key_mismatch, ssh_auth_failed, ssh_connect_failed, ssh_reload_failed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Service Unavailable: code is one of acme_unavailable, apns_unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    attachDomainCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domain: string;
                projectId: string;
                serviceId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    certificateId: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description issuing, issued or failed: the last auto request, if any */
                            autocertRequestStatus: string | null;
                            autocertRequestTime: string | null;
                            /** @description the attached inventory certificate */
                            certificateId: number | null;
                            /** @description manual, auto or none */
                            certType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description lower-case A-labels (punycode); a wildcard as *.example.com */
                            domain: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    detachDomainCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domain: string;
                projectId: string;
                serviceId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description issuing, issued or failed: the last auto request, if any */
                            autocertRequestStatus: string | null;
                            autocertRequestTime: string | null;
                            /** @description the attached inventory certificate */
                            certificateId: number | null;
                            /** @description manual, auto or none */
                            certType: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description lower-case A-labels (punycode); a wildcard as *.example.com */
                            domain: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getProjectSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            dnsProvider: ({
                                hasSecret: boolean;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            }) | null;
                            renewBeforeDays: number | null;
                            updatedAt: string | null;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateProjectSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the DNS-01 provider; null = manual dns-01 */
                    dnsProvider?: {
                        algorithm?: "hmac-sha256" | "hmac-sha512" | "hmac-sha1";
                        /** Format: single-line-text */
                        keyName: string;
                        /** @default 53 */
                        port?: number;
                        /**
                         * Format: single-line-text
                         * @description the TSIG key, base64; stored encrypted, never returned. Omit to keep the stored one.
                         */
                        secret?: string;
                        /**
                         * Format: single-line-text
                         * @description the primary name server (IP address or host name)
                         */
                        server: string;
                        /** @enum {string} */
                        type: "rfc2136";
                        /**
                         * Format: single-line-text
                         * @description the zone to update; found by SOA lookup when absent
                         */
                        zone?: string;
                    } | {
                        /**
                         * Format: single-line-text
                         * @description a file name in the server's CERTKEEPER_DNS_HOOK_DIR
                         */
                        hook: string;
                        /** @enum {string} */
                        type: "exec";
                    } | null;
                    /** @description renew at least this many days before expiry; null clears */
                    renewBeforeDays?: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            dnsProvider: ({
                                hasSecret: boolean;
                                type: string;
                            } & {
                                [key: string]: unknown;
                            }) | null;
                            renewBeforeDays: number | null;
                            updatedAt: string | null;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    sweepProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** @description the first 1000 events created, by id (see eventsTruncated) */
                            events: {
                                certificateId: number;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                id: number;
                                /** @description false when the certificate is muted: recorded (data.muted true), never sent */
                                notified: boolean;
                                /** @description certificate.expiring or certificate.expired */
                                type: string;
                            }[];
                            eventsTruncated: boolean;
                            /** @description new certificate.expired events */
                            expired: number;
                            /** @description new certificate.expiring events */
                            expiring: number;
                            /** Format: date-time */
                            finishedAt: string;
                            /** @description items handed to the notification channels */
                            notified: number;
                            projectId: string;
                            /** Format: date-time */
                            startedAt: string;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description 1-based page number */
                pageIndex?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** Format: uuid */
                            id: string;
                            /** @description invited, and has not set a password yet */
                            pending: boolean;
                            superuser: boolean;
                        }[];
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: single-line-text */
                    email: string;
                    /** Format: single-line-text */
                    password?: string;
                    superuser?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            invitation: {
                                /** Format: date-time */
                                expiresAt: string;
                                /** @description the console page that accepts it, relative to the server: share it with the person */
                                link: string;
                                /** @description shown once; only its hash is stored */
                                token: string;
                            } | null;
                            user: {
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                /** @description invited, and has not set a password yet */
                                pending: boolean;
                                superuser: boolean;
                            };
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflict: code is one of export_no_private_key, certificate_not_managed, certificate_state_conflict, domain_already_exists, app_already_exists, push_certificate_not_bound, push_certificate_ambiguous, revocation_issuer_unknown, revocation_source_unknown, sweep_in_progress, endpoint_already_exists, smtp_not_configured, deploy_root_not_configured, deploy_hooks_not_configured, deployment_target_already_exists, deployment_target_in_use, deployment_target_not_agent, agent_outcome_stale, deployment_already_exists, deployment_no_private_key, user_already_exists, member_already_exists, setup_done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** Format: uuid */
                            id: string;
                            /** @description invited, and has not set a password yet */
                            pending: boolean;
                            superuser: boolean;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    setUserPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: single-line-text */
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: string[];
                        messages: string[];
                        result: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** Format: uuid */
                            id: string;
                            /** @description invited, and has not set a password yet */
                            pending: boolean;
                            superuser: boolean;
                        };
                        resultInfo: {
                            hasNextPage: boolean;
                            hasPreviousPage: boolean;
                            pageIndex: number;
                            pageSize: number;
                            totalCount: number;
                            totalPages: number;
                        };
                        success: boolean;
                    };
                };
            };
            /** @description Bad Request: code is one of validation_failed, malformed_json, certificate_missing, certificate_invalid, too_many_certificates, private_key_in_certificate_field, private_key_invalid, private_key_encrypted, unsupported_key_type, key_mismatch, chain_invalid, pkcs12_invalid, pkcs12_bad_password, pkcs12_no_certificate, pkcs12_iteration_budget_exceeded, invalid_scope, invalid_cursor, acme_validation_failed, acme_directory_forbidden, dns_provider_invalid, dns_provider_address_forbidden, certificate_does_not_cover, app_not_ios, app_certificate_not_apns, app_certificate_wrong_environment, app_certificate_topic_mismatch, push_result_invalid, push_check_no_private_key, probe_address_refused, notification_type_unknown, notification_config_invalid, notification_url_invalid, notification_url_forbidden, deployment_target_type_unknown, deployment_config_invalid, deployment_path_invalid, deployment_hook_invalid, ssh_host_forbidden, ssh_host_key_invalid, ssh_private_key_invalid, ssh_credentials_missing, password_too_weak, sso_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not Found: code is one of route_not_found, organization_not_found, project_not_found, certificate_not_found, api_key_not_found, access_key_not_found, service_not_found, domain_not_found, app_not_found, app_binding_not_found, endpoint_not_found, notification_channel_not_found, notification_not_found, deployment_target_not_found, deployment_not_found, user_not_found, member_not_found, sso_not_configured, invitation_not_found, session_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Payload Too Large: code is one of body_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported Media Type: code is one of unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                    };
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text format 0.0.4 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Unauthorized: code is one of unauthorized, sign_in_failed */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Forbidden: code is one of forbidden, organization_disabled, deployment_key_forbidden, deployment_key_required, csrf_token_invalid, setup_code_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                    };
                };
            };
            /** @description Service Unavailable: code is one of acme_unavailable, apns_unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                    };
                };
            };
        };
    };
    getScmCertificate: {
        parameters: {
            query?: never;
            header?: {
                /** @description an API key */
                "x-auth-token"?: string;
            };
            path: {
                /** @description the certificate uid */
                certificate_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        application_info: {
                            applicant_email: string | null;
                            applicant_name: string | null;
                            applicant_phone: string | null;
                            company_city: string | null;
                            company_name: string | null;
                            company_province: string | null;
                            contact_email: string | null;
                            contact_name: string | null;
                            contact_phone: string | null;
                            country: string | null;
                        };
                        authentification: {
                            domain: string;
                            record_name: string;
                            record_type: string;
                            record_value: string;
                        }[];
                        brand: string | null;
                        description: string | null;
                        domain: string;
                        domain_count: number;
                        domain_type: string;
                        /** @description certkeeper: the project of the certificate */
                        enterprise_project_id: string;
                        fingerprint: string | null;
                        /** @description the certificate uid (16 characters [a-z0-9]) */
                        id: string;
                        issue_time: string | null;
                        multi_domain_type: string | null;
                        name: string;
                        not_after: string | null;
                        not_before: string | null;
                        order_id: string | null;
                        push_support: string;
                        revoke_reason: string | null;
                        sans: string | null;
                        shared: boolean;
                        signature_algorithm: string | null;
                        /** @description ISSUED, CHECKING, UNPASSED, EXPIRED, REVOKED or UPLOAD */
                        status: string;
                        type: string | null;
                        validation_method: string | null;
                        validity_period: number | null;
                        wildcard_count: number;
                    };
                };
            };
            /** @description Bad Request: error_code is one of SCM.0400 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description docs/compat-errors.md */
                        error_code: string;
                        error_msg: string;
                    };
                };
            };
            /** @description Unauthorized: error_code is one of SCM.0401 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description docs/compat-errors.md */
                        error_code: string;
                        error_msg: string;
                    };
                };
            };
            /** @description Forbidden: error_code is one of SCM.0403 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description docs/compat-errors.md */
                        error_code: string;
                        error_msg: string;
                    };
                };
            };
            /** @description Not Found: error_code is one of SCM.0404 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description docs/compat-errors.md */
                        error_code: string;
                        error_msg: string;
                    };
                };
            };
            /** @description Internal Server Error: error_code is one of SCM.0500 */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description docs/compat-errors.md */
                        error_code: string;
                        error_msg: string;
                    };
                };
            };
        };
    };
    getWaapDomainCertificate: {
        parameters: {
            query: {
                domain: string;
            };
            header?: never;
            path: {
                serviceId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description issuing, issued or failed: the last auto (ACME) request */
                        autocertRequestStatus?: string;
                        /**
                         * Format: date-time
                         * @description when the last auto request was made (ISO 8601)
                         */
                        autocertRequestTime?: string;
                        /** @description the attached inventory certificate id */
                        certificateId?: number;
                        /** @description the certificate's domain name */
                        certificateName?: string;
                        /** @description manual, auto or none; always present */
                        certType?: string;
                        /** @description notBefore, Unix epoch milliseconds */
                        validFrom?: number;
                        /** @description notAfter, Unix epoch milliseconds */
                        validTo?: number;
                    };
                };
            };
            /** @description Bad Request: code is one of ServiceId.Invalid, Domain.Invalid, Certificate.OperationFailed, Request.Invalid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description docs/compat-errors.md */
                        code: string;
                        message: string;
                    };
                };
            };
            /** @description Unauthorized: code is one of Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description docs/compat-errors.md */
                        code: string;
                        message: string;
                    };
                };
            };
            /** @description Not Found: code is one of ServiceId.NotFound, Domain.NotFound, Route.NotFound */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description docs/compat-errors.md */
                        code: string;
                        message: string;
                    };
                };
            };
        };
    };
}
