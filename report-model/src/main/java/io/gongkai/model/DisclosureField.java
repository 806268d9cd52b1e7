package io.gongkai.model;

/** The columns of table 二 (主动公开政府信息情况), both template generations, with their headers as printed. */
public enum DisclosureField {
    ISSUED("issued", "本年制发件数"),
    REPEALED("repealed", "本年废止件数"),
    IN_FORCE("inForce", "现行有效件数"),
    DECISIONS("decisions", "本年处理决定数量"),
    AMOUNT_TEN_THOUSAND_YUAN("amountTenThousandYuan", "本年收费金额（单位：万元）"),
    NEWLY_MADE("newlyMade", "本年新制作数量"),
    NEWLY_PUBLISHED("newlyPublished", "本年新公开数量"),
    TOTAL_PUBLISHED("totalPublished", "对外公开总数量"),
    PREVIOUS_YEAR_ITEMS("previousYearItems", "上一年项目数量"),
    CHANGE("change", "本年增/减"),
    PROJECTS("projects", "采购项目数量"),
    AMOUNT("amount", "采购总金额");

    private final String key;
    private final String label;

    DisclosureField(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The JSON name of the field (spec/report-model.md). */
    public String key() {
        return key;
    }

    /** The column header in the official template. */
    public String label() {
        return label;
    }

    /** The field with this JSON name, or null. */
    public static DisclosureField byKey(String key) {
        for (DisclosureField field : values()) {
            if (field.key.equals(key)) {
                return field;
            }
        }
        return null;
    }

    /** The header of a field key, or the key itself when it is not one of the template's. */
    public static String labelOf(String key) {
        DisclosureField field = byKey(key);
        return field == null ? key : field.label;
    }
}
