package jp.smeir.common;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;

/**
 * Warns once at start-up when nobody can sign in: no embedded user and no OIDC tenant. The production profile
 * ships without users, so an operator who forgot to configure them would otherwise only see every request
 * refused with 401.
 */
@Singleton
public class UserSourceCheck {

    static final String WARNING = "No user can sign in: every /api/v1 request will be refused with 401. Configure embedded users "
            + "(QUARKUS_SECURITY_USERS_EMBEDDED_USERS_<NAME>=<hex SHA-512 of name:incident-decision:password> and "
            + "QUARKUS_SECURITY_USERS_EMBEDDED_ROLES_<NAME>=reporter|analyst|admin) or OIDC bearer tokens "
            + "(QUARKUS_OIDC_TENANT_ENABLED=true and QUARKUS_OIDC_AUTH_SERVER_URL=<issuer>); see the README, Security.";

    private static final Logger LOG = Logger.getLogger(UserSourceCheck.class);

    void onStart(@Observes StartupEvent start) {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        if (!hasUserSource(config)) {
            LOG.warn(WARNING);
        }
    }

    static boolean hasUserSource(SmallRyeConfig config) {
        boolean embedded = config.getOptionalValue("quarkus.security.users.embedded.enabled", Boolean.class).orElse(false)
                && !config.getMapKeys("quarkus.security.users.embedded.users").isEmpty();
        boolean oidc = config.getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class).orElse(true)
                && config.getOptionalValue("quarkus.oidc.auth-server-url", String.class).filter(url -> !url.isBlank()).isPresent();
        return embedded || oidc;
    }
}
