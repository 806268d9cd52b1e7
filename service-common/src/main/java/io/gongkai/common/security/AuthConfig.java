package io.gongkai.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Bearer tokens and what they may do, under {@code gongkai.auth.*} (env GONGKAI_AUTH_SUBMIT_TOKENS etc., comma-separated).
 * A token is an opaque secret; it is compared in constant time and never logged.
 */
@ConfigMapping(prefix = "gongkai.auth")
public interface AuthConfig {

    /** Tokens with role {@code submit} (and {@code read}): may submit documents. No default: without one, nobody can submit. */
    Optional<List<String>> submitTokens();

    /** Tokens with role {@code read} only. */
    Optional<List<String>> readTokens();

    /** Tokens with role {@code admin} (and {@code read}): may start re-validation jobs. None: the admin API answers 401. */
    Optional<List<String>> adminTokens();

    /** Whether reading results needs no token (the reports are public documents): anonymous callers get role {@code read}. */
    @WithDefault("true")
    boolean publicRead();
}
