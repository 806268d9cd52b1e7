package io.gongkai.rules;

/**
 * Who wrote a report, as a key that survives the ways one body writes its own name.
 *
 * @param full  the normalised name with any alias applied, e.g. {@code 淮安市洪泽区人民政府}
 * @param local the same without the names of the higher areas in front of it, e.g. {@code 洪泽区人民政府}; equal to
 *              {@code full} when the name has no such prefix
 */
public record AgencyKey(String full, String local) {

    /**
     * The same body: the same full key, or one name gives no higher area and the local keys agree
     * (洪泽区人民政府 = 淮安市洪泽区人民政府, but 南京市鼓楼区人民政府 ≠ 福州市鼓楼区人民政府).
     */
    public boolean sameAgency(AgencyKey other) {
        if (other == null || full.isEmpty()) {
            return false;
        }
        if (full.equals(other.full)) {
            return true;
        }
        boolean oneUnprefixed = full.equals(local) || other.full.equals(other.local);
        return oneUnprefixed && local.equals(other.local);
    }
}
