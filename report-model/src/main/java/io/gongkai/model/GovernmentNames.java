package io.gongkai.model;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Whether a reporting body is a government (a people's government, a street office, a zone's administrative
 * committee) rather than one of its departments: a government's report is due later (条例 第四十九条) and is the
 * one each division owes (the reviewers' "governments without a report"). A government's 办公室/办公厅 reporting in
 * its name counts as the government.
 */
public final class GovernmentNames {

    /** Compiled once: ingest asks for every event it reads. */
    private static final Pattern SPACE = Pattern.compile("[\\s\\u3000\\u00a0]+");
    private static final Pattern OFFICE = Pattern.compile("(政府)(办公室|办公厅)$");

    private GovernmentNames() {
    }

    public static boolean isGovernment(String name) {
        if (name == null) {
            return false;
        }
        String s = SPACE.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC)).replaceAll("");
        s = OFFICE.matcher(s).replaceFirst("$1");
        return s.endsWith("政府") || s.endsWith("街道办事处") || s.endsWith("管理委员会") || s.endsWith("管委会");
    }
}
