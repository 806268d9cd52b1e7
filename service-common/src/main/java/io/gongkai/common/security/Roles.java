package io.gongkai.common.security;

/** The roles a bearer token grants, named in {@code @RolesAllowed}. */
public final class Roles {

    /** May submit documents. */
    public static final String SUBMIT = "submit";
    /** May read documents, reports and findings. */
    public static final String READ = "read";
    /** May run administrative jobs such as re-validation. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
