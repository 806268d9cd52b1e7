package io.gongkai.rules;

/**
 * What the rules that compare reports may be tuned by (configuration at the edge, defaults here).
 *
 * @param agencies             how agency names are matched across years
 * @param outlierMinReports    OUTLIER: how many reports of a level must be stored before anything is called far off
 * @param outlierThreshold     OUTLIER: how many robust standard deviations (1.4826 × MAD) above the median is far off
 * @param outlierMinValue      OUTLIER: values below this are never outliers (a level where most report 0 has MAD 0)
 * @param copiedTextSimilarity COPIED_TEXT: the estimated Jaccard similarity of the narratives' shingles from which
 *                             two narratives count as the same text
 */
public record RuleSettings(AgencyNames agencies, int outlierMinReports, double outlierThreshold, double outlierMinValue,
        double copiedTextSimilarity) {

    public static RuleSettings defaults() {
        return new RuleSettings(AgencyNames.withoutAliases(), 30, 10.0, 50, 0.7);
    }
}
