package io.gongkai.model;

/** The seven numeric columns of table 三 (收到和处理政府信息公开申请情况). */
public enum ApplicantColumn {
    NATURAL_PERSON("naturalPerson", "自然人"),
    COMMERCIAL_ENTERPRISE("commercialEnterprise", "商业企业"),
    RESEARCH_INSTITUTION("researchInstitution", "科研机构"),
    PUBLIC_INTEREST_ORG("publicInterestOrg", "社会公益组织"),
    LEGAL_SERVICE_ORG("legalServiceOrg", "法律服务机构"),
    OTHER_ORG("otherOrg", "其他"),
    TOTAL("total", "总计");

    private final String key;
    private final String label;

    ApplicantColumn(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The JSON name of the column (docs/report-model.md). */
    public String key() {
        return key;
    }

    /** The column's header in the official template. */
    public String label() {
        return label;
    }

    /** The six applicant columns whose sum is 总计. */
    public static final java.util.List<ApplicantColumn> APPLICANTS = java.util.List.of(
            NATURAL_PERSON, COMMERCIAL_ENTERPRISE, RESEARCH_INSTITUTION, PUBLIC_INTEREST_ORG, LEGAL_SERVICE_ORG, OTHER_ORG);

    /** The column with this JSON name, or null. */
    public static ApplicantColumn byKey(String key) {
        for (ApplicantColumn column : values()) {
            if (column.key.equals(key)) {
                return column;
            }
        }
        return null;
    }
}
