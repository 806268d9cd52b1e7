package io.gongkai.rules;

import io.gongkai.model.AdministrativeLevel;
import io.gongkai.model.CellPath;
import io.gongkai.model.DisclosureItem;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * P1: only State Council departments, provincial governments and the governments of 设区的市/自治州 make 规章
 * (立法法). A county or township body, or one of their departments, reporting 规章 made or in force is suspect.
 */
public final class RulesNotPermittedRule extends BaseRule {

    public static final String CODE = "RULES_NOT_PERMITTED";
    private static final List<String> FIELDS = List.of("issued", "inForce", "newlyMade");

    public RulesNotPermittedRule() {
        super(CODE, Severity.warning, "县级、乡级机关（及其部门）无权制定规章，却填报了规章制发或现行有效件数",
                List.of("administrativeLevel", "activeDisclosure.rules.issued", "activeDisclosure.rules.inForce",
                        "activeDisclosure.rules.newlyMade"));
    }

    @Override
    public List<Finding> check(Report report) {
        String level = report.administrativeLevel();
        if (!AdministrativeLevel.COUNTY.equals(level) && !AdministrativeLevel.TOWNSHIP.equals(level)) {
            return List.of();
        }
        List<String> paths = new ArrayList<>();
        List<String> stated = new ArrayList<>();
        for (String field : FIELDS) {
            CellPath cell = CellPath.disclosure(DisclosureItem.RULES, field);
            String path = cell.format();
            BigDecimal v = report.hasCell(path) ? report.value(path) : null;
            if (v != null && v.signum() > 0) {
                paths.add(path);
                stated.add(cell.fieldLabel() + " " + Cells.format(v));
            }
        }
        if (paths.isEmpty()) {
            return List.of();
        }
        String body = AdministrativeLevel.COUNTY.equals(level) ? "县级" : "乡镇（街道）级";
        String message = (report.agency() == null ? "本机关" : report.agency()) + " 是" + body
                + "机关，无权制定规章（规章只能由国务院部门、省级人民政府和设区的市、自治州人民政府制定），但表二 规章 填报了 "
                + String.join("、", stated);
        List<String> all = new ArrayList<>(List.of("administrativeLevel"));
        all.addAll(paths);
        return List.of(new Finding(CODE, severity(), all, message));
    }
}
