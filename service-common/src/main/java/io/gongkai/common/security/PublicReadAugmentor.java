package io.gongkai.common.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** With {@code gongkai.auth.public-read} on, anonymous callers hold role {@code read}: the reports are public documents. */
@ApplicationScoped
public class PublicReadAugmentor implements SecurityIdentityAugmentor {

    private final boolean publicRead;

    public PublicReadAugmentor(AuthConfig config) {
        this.publicRead = config.publicRead();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!publicRead || !identity.isAnonymous() || identity.hasRole(Roles.READ)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRole(Roles.READ).build());
    }
}
