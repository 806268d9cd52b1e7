package io.gongkai.common.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a bearer token to the roles configured for it ({@link AuthConfig}). Every configured token is compared, in
 * constant time, so the answer's timing tells nothing about how much of a token was right. The principal is named
 * after the token's kind and position ({@code submit-2}), never after the token.
 */
@ApplicationScoped
public class ConfiguredTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private record Grant(byte[] token, String principal, Set<String> roles) {
    }

    private final List<Grant> grants = new ArrayList<>();

    public ConfiguredTokenIdentityProvider(AuthConfig config) {
        add(config.submitTokens(), "submit", Set.of(Roles.SUBMIT, Roles.READ));
        add(config.readTokens(), "read", Set.of(Roles.READ));
        add(config.adminTokens(), "admin", Set.of(Roles.ADMIN, Roles.READ));
    }

    private void add(Optional<List<String>> tokens, String kind, Set<String> roles) {
        int n = 0;
        for (String token : tokens.orElse(List.of())) {
            if (!token.isBlank()) {
                grants.add(new Grant(token.strip().getBytes(StandardCharsets.UTF_8), kind + "-" + ++n, roles));
            }
        }
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        Grant grant = match(request.getToken().getToken());
        if (grant == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("bearer token not configured"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(grant.principal()))
                .addRoles(grant.roles())
                .addCredential(request.getToken())
                .build());
    }

    /**
     * The grant of a token, comparing against every configured token whatever matched first. A token configured
     * under several kinds (submit and admin) has the roles of all of them.
     */
    private Grant match(String token) {
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        Grant found = null;
        for (Grant g : grants) {
            if (MessageDigest.isEqual(given, g.token())) {
                found = found == null ? g : new Grant(found.token(), found.principal(), union(found.roles(), g.roles()));
            }
        }
        return found;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
