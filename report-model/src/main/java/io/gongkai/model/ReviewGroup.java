package io.gongkai.model;

/** The three groups of table 四 (行政复议、行政诉讼情况). */
public enum ReviewGroup {
    REVIEW("review", "行政复议"),
    LAWSUIT_DIRECT("lawsuitDirect", "行政诉讼（未经复议直接起诉）"),
    LAWSUIT_AFTER_REVIEW("lawsuitAfterReview", "行政诉讼（复议后起诉）");

    private final String key;
    private final String label;

    ReviewGroup(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The group with this JSON name, or null. */
    public static ReviewGroup byKey(String key) {
        for (ReviewGroup group : values()) {
            if (group.key.equals(key)) {
                return group;
            }
        }
        return null;
    }

    /** The five columns of each group, in template order. */
    public enum Column {
        UPHELD("upheld", "结果维持"),
        CORRECTED("corrected", "结果纠正"),
        OTHER("other", "其他结果"),
        PENDING("pending", "尚未审结"),
        TOTAL("total", "总计");

        private final String key;
        private final String label;

        Column(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        /** The column with this JSON name, or null. */
        public static Column byKey(String key) {
            for (Column column : values()) {
                if (column.key.equals(key)) {
                    return column;
                }
            }
            return null;
        }
    }
}
