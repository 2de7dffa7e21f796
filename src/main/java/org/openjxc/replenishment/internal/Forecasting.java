package org.openjxc.replenishment.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Textbook forecasting of one daily demand series, the method and parameters chosen by back-testing:
 * simple exponential smoothing and damped Holt for regular demand, Holt-Winters (additive) with a
 * weekly season on days and a yearly season on weeks when the history is long enough, and Croston,
 * its Syntetos–Boylan correction and TSB for intermittent demand (Syntetos–Boylan classification:
 * average inter-demand interval ≥ 1.32). Each candidate forecasts the last {@value #HOLDOUT} days from
 * the days before them; the lowest RMSSE (root mean squared error scaled by the in-sample naive
 * error, as in the M5 competition) wins: absolute errors would favour forecasting nothing for
 * intermittent demand, whose median day is zero. MASE and WAPE of the same back-test are reported
 * with the forecast. The winner is refitted on all the history. No forecast is ever negative.
 */
public final class Forecasting {

    /** Days held out to choose a method. */
    static final int HOLDOUT = 28;

    /** Days forecast ahead (for the chart and the stock projection). */
    public static final int HORIZON = 28;

    private static final double INTERMITTENT_INTERVAL = 1.32;
    private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.4};
    private static final double[] BETAS = {0.02, 0.1};
    private static final double[] GAMMAS = {0.05, 0.2};
    private static final double PHI = 0.9;

    private Forecasting() {}

    /** A chosen forecast: the method, its parameters, the next days, and how far to trust it. */
    public record Result(
            String method,
            String parameters,
            double[] forecast,
            /** Mean demand per day over the forecast. */
            double daily,
            /** Standard deviation of the one-day-ahead error over the history: the uncertainty per day. */
            double sd,
            /** MASE and WAPE of the back-test (NaN when undefined), and whether demand is intermittent. */
            double mase,
            double wape,
            boolean intermittent) {}

    /** One way of forecasting, with its parameters. */
    interface Method {
        String name();

        String parameters();

        /** The next {@code h} days after {@code y}. */
        double[] forecast(double[] y, int h);

        /** One-step-ahead in-sample errors (actual − forecast), from the second day on. */
        double[] errors(double[] y);
    }

    /** A method whose forecast is one level for every day ahead. */
    interface Flat extends Method {
        /** Runs through {@code y}, filling {@code errors} when given; answers the level at its end. */
        double run(double[] y, double[] errors);

        @Override
        default double[] forecast(double[] y, int h) {
            double[] f = new double[h];
            java.util.Arrays.fill(f, run(y, null));
            return clip(f);
        }

        @Override
        default double[] errors(double[] y) {
            double[] e = new double[Math.max(0, y.length - 1)];
            run(y, e);
            return e;
        }
    }

    /** The forecast of {@code y} (oldest first, one value per day, ending yesterday). */
    public static Result forecast(double[] y) {
        int n = y.length;
        int nonZero = 0;
        for (double v : y) {
            if (v != 0) {
                nonZero++;
            }
        }
        if (nonZero == 0) {
            return new Result("NONE", "", new double[HORIZON], 0, 0, Double.NaN, Double.NaN, true);
        }
        boolean intermittent = (double) n / nonZero >= INTERMITTENT_INTERVAL;
        List<Method> candidates = candidates(n, intermittent);
        Method best = candidates.get(0);
        double bestMase = Double.NaN;
        double bestWape = Double.NaN;
        if (n >= HOLDOUT + 14) {
            double[] train = java.util.Arrays.copyOf(y, n - HOLDOUT);
            double[] test = java.util.Arrays.copyOfRange(y, n - HOLDOUT, n);
            double scale = naiveScale(train);
            double squaredScale = naiveSquaredScale(train);
            double bestScore = Double.POSITIVE_INFINITY;
            for (Method m : candidates) {
                double[] f = m.forecast(train, HOLDOUT);
                double abs = 0;
                double squares = 0;
                double actual = 0;
                for (int i = 0; i < HOLDOUT; i++) {
                    double e = test[i] - f[i];
                    abs += Math.abs(e);
                    squares += e * e;
                    actual += Math.abs(test[i]);
                }
                double mae = abs / HOLDOUT;
                double mse = squares / HOLDOUT;
                double mase = scale > 0 ? mae / scale : Double.NaN;
                double wape = actual > 0 ? abs / actual : Double.NaN;
                double score = squaredScale > 0 ? Math.sqrt(mse / squaredScale) : Math.sqrt(mse);
                // A hair's difference is noise: the simpler method (listed first) keeps its place.
                if (score < bestScore - 1e-9) {
                    bestScore = score;
                    best = m;
                    bestMase = mase;
                    bestWape = wape;
                }
            }
        }
        double[] forecast = best.forecast(y, HORIZON);
        double sum = 0;
        for (double v : forecast) {
            sum += v;
        }
        double[] e = best.errors(y);
        double squares = 0;
        for (double v : e) {
            squares += v * v;
        }
        double sd = e.length == 0 ? 0 : Math.sqrt(squares / e.length);
        return new Result(
                best.name(), best.parameters(), forecast, sum / HORIZON, sd, bestMase, bestWape, intermittent);
    }

    /** Mean absolute one-day change in the series: the naive forecast's error, MASE's yardstick. */
    static double naiveScale(double[] y) {
        if (y.length < 2) {
            return 0;
        }
        double sum = 0;
        for (int i = 1; i < y.length; i++) {
            sum += Math.abs(y[i] - y[i - 1]);
        }
        return sum / (y.length - 1);
    }

    /** Mean squared one-day change: RMSSE's yardstick. */
    static double naiveSquaredScale(double[] y) {
        if (y.length < 2) {
            return 0;
        }
        double sum = 0;
        for (int i = 1; i < y.length; i++) {
            sum += (y[i] - y[i - 1]) * (y[i] - y[i - 1]);
        }
        return sum / (y.length - 1);
    }

    static List<Method> candidates(int n, boolean intermittent) {
        List<Method> all = new ArrayList<>();
        if (intermittent) {
            for (double a : ALPHAS) {
                all.add(new Croston(a, false));
            }
            for (double a : ALPHAS) {
                all.add(new Croston(a, true));
            }
            for (double a : ALPHAS) {
                for (double b : BETAS) {
                    all.add(new Tsb(a, b));
                }
            }
            return all;
        }
        for (double a : ALPHAS) {
            all.add(new Ses(a));
        }
        for (double a : ALPHAS) {
            for (double b : BETAS) {
                all.add(new Holt(a, b));
            }
        }
        if (n >= 3 * 7 + HOLDOUT) {
            for (double a : ALPHAS) {
                for (double g : GAMMAS) {
                    all.add(new HoltWinters(a, 0.02, g, 7));
                }
            }
        }
        if (n >= 2 * 364 + HOLDOUT) {
            for (double a : new double[] {0.1, 0.3}) {
                for (double g : GAMMAS) {
                    all.add(new Weekly(new HoltWinters(a, 0.02, g, 52)));
                }
            }
        }
        return all;
    }

    private static double mean(double[] y, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += y[i];
        }
        return to > from ? s / (to - from) : 0;
    }

    static double[] clip(double[] f) {
        for (int i = 0; i < f.length; i++) {
            f[i] = Math.max(0, f[i]);
        }
        return f;
    }

    /** Simple exponential smoothing: a level only. */
    record Ses(double alpha) implements Flat {
        public String name() {
            return "SES";
        }

        public String parameters() {
            return "α=" + alpha;
        }

        public double run(double[] y, double[] errors) {
            double level = mean(y, 0, Math.min(7, y.length));
            for (int t = 0; t < y.length; t++) {
                if (errors != null && t > 0) {
                    errors[t - 1] = y[t] - level;
                }
                level = alpha * y[t] + (1 - alpha) * level;
            }
            return level;
        }
    }

    /** Holt's linear method with a damped trend, so that a trend fades instead of running away. */
    record Holt(double alpha, double beta) implements Method {
        public String name() {
            return "HOLT";
        }

        public String parameters() {
            return "α=" + alpha + " β=" + beta + " φ=" + PHI;
        }

        private double[] run(double[] y, double[] errors) {
            int k = Math.min(7, y.length);
            double level = mean(y, 0, k);
            double trend = y.length >= 2 * k && k > 0 ? (mean(y, k, 2 * k) - level) / k : 0;
            for (int t = 0; t < y.length; t++) {
                double expected = level + PHI * trend;
                if (errors != null && t > 0) {
                    errors[t - 1] = y[t] - expected;
                }
                double previous = level;
                level = alpha * y[t] + (1 - alpha) * expected;
                trend = beta * (level - previous) + (1 - beta) * PHI * trend;
            }
            return new double[] {level, trend};
        }

        public double[] forecast(double[] y, int h) {
            double[] s = run(y, null);
            double[] f = new double[h];
            double damp = 0;
            double power = 1;
            for (int i = 0; i < h; i++) {
                power *= PHI;
                damp += power;
                f[i] = s[0] + damp * s[1];
            }
            return clip(f);
        }

        public double[] errors(double[] y) {
            double[] e = new double[Math.max(0, y.length - 1)];
            run(y, e);
            return e;
        }
    }

    /** Holt-Winters with additive season of {@code m} periods and a damped trend. */
    record HoltWinters(double alpha, double beta, double gamma, int m) implements Method {
        public String name() {
            return m == 7 ? "HOLT_WINTERS_WEEKLY" : "HOLT_WINTERS_YEARLY";
        }

        public String parameters() {
            return "α=" + alpha + " β=" + beta + " γ=" + gamma + " m=" + m;
        }

        /** Level, trend and the season ending at the last period, and the index of the next period's season. */
        private Object[] run(double[] y, double[] errors) {
            double level = mean(y, 0, m);
            double trend = y.length >= 2 * m ? (mean(y, m, 2 * m) - level) / m : 0;
            double[] season = new double[m];
            for (int i = 0; i < m; i++) {
                season[i] = y[i] - level;
            }
            for (int t = m; t < y.length; t++) {
                int s = t % m;
                double expected = level + PHI * trend + season[s];
                if (errors != null) {
                    errors[t - m] = y[t] - expected;
                }
                double previous = level;
                level = alpha * (y[t] - season[s]) + (1 - alpha) * (level + PHI * trend);
                trend = beta * (level - previous) + (1 - beta) * PHI * trend;
                season[s] = gamma * (y[t] - level) + (1 - gamma) * season[s];
            }
            return new Object[] {level, trend, season, y.length % m};
        }

        public double[] forecast(double[] y, int h) {
            Object[] s = run(y, null);
            double level = (double) s[0];
            double trend = (double) s[1];
            double[] season = (double[]) s[2];
            int next = (int) s[3];
            double[] f = new double[h];
            double damp = 0;
            double power = 1;
            for (int i = 0; i < h; i++) {
                power *= PHI;
                damp += power;
                f[i] = level + damp * trend + season[(next + i) % m];
            }
            return clip(f);
        }

        public double[] errors(double[] y) {
            double[] e = new double[Math.max(0, y.length - m)];
            run(y, e);
            return e;
        }
    }

    /** A model of weekly totals (the last day of the history ends a week) spread evenly over the days. */
    record Weekly(HoltWinters weeks) implements Method {
        public String name() {
            return weeks.name();
        }

        public String parameters() {
            return weeks.parameters() + " (weeks)";
        }

        private static double[] totals(double[] y) {
            int count = y.length / 7;
            double[] w = new double[count];
            int start = y.length - count * 7;
            for (int i = 0; i < count; i++) {
                for (int d = 0; d < 7; d++) {
                    w[i] += y[start + i * 7 + d];
                }
            }
            return w;
        }

        public double[] forecast(double[] y, int h) {
            double[] w = weeks.forecast(totals(y), (h + 6) / 7);
            double[] f = new double[h];
            for (int i = 0; i < h; i++) {
                f[i] = w[i / 7] / 7;
            }
            return f;
        }

        public double[] errors(double[] y) {
            double[] e = weeks.errors(totals(y));
            // A week's error spread over its days, as the spread of one day's demand.
            for (int i = 0; i < e.length; i++) {
                e[i] = e[i] / Math.sqrt(7);
            }
            return e;
        }
    }

    /**
     * Croston: sizes and intervals of the demands smoothed separately, the forecast their ratio;
     * with {@code corrected}, the Syntetos–Boylan approximation (× (1 − α/2)) that removes its bias.
     */
    record Croston(double alpha, boolean corrected) implements Flat {
        public String name() {
            return corrected ? "SBA" : "CROSTON";
        }

        public String parameters() {
            return "α=" + alpha;
        }

        public double run(double[] y, double[] errors) {
            double size = 0;
            double interval = 0;
            int since = 0;
            boolean started = false;
            double factor = corrected ? 1 - alpha / 2 : 1;
            for (int t = 0; t < y.length; t++) {
                double expected = started ? factor * size / interval : 0;
                if (errors != null && t > 0) {
                    errors[t - 1] = y[t] - expected;
                }
                since++;
                if (y[t] != 0) {
                    if (!started) {
                        size = y[t];
                        interval = since;
                        started = true;
                    } else {
                        size = alpha * y[t] + (1 - alpha) * size;
                        interval = alpha * since + (1 - alpha) * interval;
                    }
                    since = 0;
                }
            }
            return started ? factor * size / interval : 0;
        }
    }

    /** Teunter–Syntetos–Babai: the probability of demand updated every day, so obsolescence shows. */
    record Tsb(double alpha, double beta) implements Flat {
        public String name() {
            return "TSB";
        }

        public String parameters() {
            return "α=" + alpha + " β=" + beta;
        }

        public double run(double[] y, double[] errors) {
            int first = 0;
            while (first < y.length && y[first] == 0) {
                first++;
            }
            double size = first < y.length ? y[first] : 0;
            int count = 0;
            for (double v : y) {
                if (v != 0) {
                    count++;
                }
            }
            double probability = y.length == 0 ? 0 : (double) count / y.length;
            for (int t = 0; t < y.length; t++) {
                if (errors != null && t > 0) {
                    errors[t - 1] = y[t] - probability * size;
                }
                if (y[t] != 0) {
                    probability = probability + beta * (1 - probability);
                    size = size + alpha * (y[t] - size);
                } else {
                    probability = probability - beta * probability;
                }
            }
            return probability * size;
        }
    }

    /**
     * The standard normal quantile (z for a service level), by Acklam's rational approximation
     * (relative error below 1.2e-9).
     */
    public static double z(double p) {
        if (p <= 0 || p >= 1) {
            throw new IllegalArgumentException("service level must be between 0 and 1: " + p);
        }
        double[] a = {
            -3.969683028665376e+01,
            2.209460984245205e+02,
            -2.759285104469687e+02,
            1.383577518672690e+02,
            -3.066479806614716e+01,
            2.506628277459239e+00
        };
        double[] b = {
            -5.447609879822406e+01,
            1.615858368580409e+02,
            -1.556989798598866e+02,
            6.680131188771972e+01,
            -1.328068155288572e+01
        };
        double[] c = {
            -7.784894002430293e-03,
            -3.223964580411365e-01,
            -2.400758277161838e+00,
            -2.549732539343734e+00,
            4.374664141464968e+00,
            2.938163982698783e+00
        };
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
                * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /**
     * Safety stock for a service level: z × √(L·σd² + d²·σL²), demand per day {@code d} with its
     * deviation, lead time {@code l} days with its deviation.
     */
    public static double safetyStock(double serviceLevel, double d, double sdDemand, double l, double sdLead) {
        return z(serviceLevel) * Math.sqrt(l * sdDemand * sdDemand + d * d * sdLead * sdLead);
    }
}
