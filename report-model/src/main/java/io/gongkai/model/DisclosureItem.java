package io.gongkai.model;

import java.util.List;

/**
 * The rows of table 二 (主动公开政府信息情况) and their fields, per template generation.
 * Keys are the JSON names of docs/report-model.md.
 */
public enum DisclosureItem {
    RULES("rules", "规章", List.of("issued", "repealed", "inForce"), List.of("newlyMade", "newlyPublished", "totalPublished")),
    NORMATIVE_DOCUMENTS("normativeDocuments", "行政规范性文件", List.of("issued", "repealed", "inForce"), List.of("newlyMade", "newlyPublished", "totalPublished")),
    LICENSING("licensing", "行政许可", List.of("decisions"), List.of("previousYearItems", "change", "decisions")),
    OTHER_MANAGEMENT_SERVICES("otherManagementServices", "其他对外管理服务事项", List.of(), List.of("previousYearItems", "change", "decisions")),
    PUNISHMENT("punishment", "行政处罚", List.of("decisions"), List.of("previousYearItems", "change", "decisions")),
    ENFORCEMENT("enforcement", "行政强制", List.of("decisions"), List.of("previousYearItems", "change", "decisions")),
    FEES("fees", "行政事业性收费", List.of("amountTenThousandYuan"), List.of("previousYearItems", "change")),
    CENTRALIZED_PROCUREMENT("centralizedProcurement", "政府集中采购", List.of(), List.of("projects", "amount"));

    private final String key;
    private final String label;
    private final List<String> fields2021;
    private final List<String> fields2019;

    DisclosureItem(String key, String label, List<String> fields2021, List<String> fields2019) {
        this.key = key;
        this.label = label;
        this.fields2021 = fields2021;
        this.fields2019 = fields2019;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The fields of this row in the 2021 layout; empty where the row no longer exists. */
    public List<String> fields2021() {
        return fields2021;
    }

    /** The fields of this row in the 2019 layout; empty where the row did not exist. */
    public List<String> fields2019() {
        return fields2019;
    }

    /** Whether a field holds an amount of money (decimal) rather than a count. */
    public static boolean isAmount(String field) {
        return field.equals("amountTenThousandYuan") || field.equals("amount");
    }

    /** Whether a field may legitimately be negative (本年增/减). */
    public static boolean isSigned(String field) {
        return field.equals("change");
    }

    /** The row with this JSON name, or null. */
    public static DisclosureItem byKey(String key) {
        for (DisclosureItem item : values()) {
            if (item.key.equals(key)) {
                return item;
            }
        }
        return null;
    }
}
