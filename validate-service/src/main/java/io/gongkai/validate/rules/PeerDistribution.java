package io.gongkai.validate.rules;

/**
 * How a value is spread over the stored reports of one administrative level: robust statistics, so that a few
 * huge values (a city's traffic fines) do not move the yardstick.
 *
 * @param count  how many reports gave the value
 * @param median their median
 * @param mad    the median absolute deviation from the median
 */
public record PeerDistribution(long count, double median, double mad) {

    /** Robust statistics of the values (not sorted needed; copied). */
    public static PeerDistribution of(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        double median = median(v);
        double[] deviations = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            deviations[i] = Math.abs(v[i] - median);
        }
        java.util.Arrays.sort(deviations);
        return new PeerDistribution(v.length, median, median(deviations));
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return 0;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
