package jp.smeir.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is making the current request: the authenticated principal, or "anonymous" where none is required. */
@RequestScoped
public class CurrentActor {

    @Inject
    SecurityIdentity identity;

    public String name() {
        return identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
