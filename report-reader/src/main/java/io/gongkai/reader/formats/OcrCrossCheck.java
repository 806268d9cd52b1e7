package io.gongkai.reader.formats;

import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.CellPath;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.ReviewGroup;
import io.gongkai.model.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Says which values read by OCR the tables' own identities do not confirm. A row of table 三 whose 总计 is
 * the sum of its six applicant columns, or a group of table 四 whose 总计 is the sum of its four results,
 * is unlikely to hold a misread digit; every other OCR value (table 二 has no identity) gets a finding on
 * its cell, so that a misread is never silent.
 */
final class OcrCrossCheck {

    static final String OCR_UNCONFIRMED = "OCR_UNCONFIRMED";

    private OcrCrossCheck() {
    }

    static List<Finding> check(Report report) {
        List<Finding> out = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        report.activeDisclosure().forEach((row, fields) -> fields.keySet()
                .forEach(f -> unchecked.add(new CellPath(Report.ACTIVE_DISCLOSURE, row, f).format())));
        if (!unchecked.isEmpty()) {
            out.add(new Finding(OCR_UNCONFIRMED, Severity.info, unchecked,
                    "表二的数值由 OCR 识别，表内没有可核对的勾稽关系，请对照原件。 Table 2 was read by OCR and has no identity to confirm it."));
        }
        report.applications().forEach((row, fields) -> {
            if (!sumHolds(fields, ApplicantColumn.TOTAL.key())) {
                out.add(unconfirmed(Report.APPLICATIONS, row, fields, "表三"));
            }
        });
        for (ReviewGroup g : ReviewGroup.values()) {
            Map<String, BigDecimal> fields = report.reviewsAndLawsuits().get(g.key());
            if (fields != null && !sumHolds(fields, "total")) {
                out.add(unconfirmed(Report.REVIEWS_AND_LAWSUITS, g.key(), fields, "表四"));
            }
        }
        return out;
    }

    private static Finding unconfirmed(String table, String row, Map<String, BigDecimal> fields, String name) {
        List<String> paths = fields.keySet().stream().map(f -> new CellPath(table, row, f).format()).toList();
        return new Finding(OCR_UNCONFIRMED, Severity.warning, paths,
                name + "“" + row + "”一行由 OCR 识别，数值缺失或合计不符，可能识别有误: " + fields
                        + " OCR values of this row are missing or do not add up.");
    }

    /** Every cell read and the total equal to the sum of the others. */
    private static boolean sumHolds(Map<String, BigDecimal> fields, String totalKey) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : fields.entrySet()) {
            if (e.getValue() == null) {
                return false;
            }
            if (!e.getKey().equals(totalKey)) {
                sum = sum.add(e.getValue());
            }
        }
        BigDecimal total = fields.get(totalKey);
        return total != null && total.compareTo(sum) == 0;
    }
}
