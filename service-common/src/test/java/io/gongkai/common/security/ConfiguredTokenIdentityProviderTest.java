package io.gongkai.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which roles a configured bearer token carries. */
class ConfiguredTokenIdentityProviderTest {

    private static AuthConfig config(List<String> submit, List<String> read, List<String> admin) {
        return new AuthConfig() {
            public Optional<List<String>> submitTokens() { return Optional.of(submit); }
            public Optional<List<String>> readTokens() { return Optional.of(read); }
            public Optional<List<String>> adminTokens() { return Optional.of(admin); }
            public boolean publicRead() { return true; }
        };
    }

    private static SecurityIdentity identity(ConfiguredTokenIdentityProvider provider, String token) {
        return provider.authenticate(new TokenAuthenticationRequest(new TokenCredential(token, "bearer")), null)
                .await().indefinitely();
    }

    @Test
    void eachKindGivesItsRoles() {
        var provider = new ConfiguredTokenIdentityProvider(config(List.of("s"), List.of("r"), List.of("a")));
        assertEquals(Set.of(Roles.SUBMIT, Roles.READ), identity(provider, "s").getRoles());
        assertEquals(Set.of(Roles.READ), identity(provider, "r").getRoles());
        assertEquals(Set.of(Roles.ADMIN, Roles.READ), identity(provider, "a").getRoles());
        assertEquals("admin-1", identity(provider, "a").getPrincipal().getName(), "named by kind, never by the token");
    }

    @Test
    void aTokenConfiguredUnderSeveralKindsHasTheRolesOfAll() {
        var provider = new ConfiguredTokenIdentityProvider(config(List.of("one"), List.of(), List.of("one")));
        assertEquals(Set.of(Roles.SUBMIT, Roles.READ, Roles.ADMIN), identity(provider, "one").getRoles());
    }

    @Test
    void anUnknownTokenFails() {
        var provider = new ConfiguredTokenIdentityProvider(config(List.of("s"), List.of(), List.of()));
        assertThrows(AuthenticationFailedException.class, () -> identity(provider, "s2"));
    }
}
