package org.openjxc.replenishment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The forecasting methods on synthetic series whose answers are known. */
class ForecastingTests {

    @Test
    void theNormalQuantileMatchesTheTables() {
        assertThat(Forecasting.z(0.5)).isCloseTo(0, within(1e-9));
        assertThat(Forecasting.z(0.95)).isCloseTo(1.644854, within(1e-6));
        assertThat(Forecasting.z(0.99)).isCloseTo(2.326348, within(1e-6));
        assertThat(Forecasting.z(0.01)).isCloseTo(-2.326348, within(1e-6));
        assertThat(Forecasting.z(0.999)).isCloseTo(3.090232, within(1e-6));
    }

    @Test
    void safetyStockCoversDemandAndLeadTimeUncertainty() {
        // 1.6449 × √(4 × 3² + 10² × 1²) = 1.6449 × √136 = 19.18
        assertThat(Forecasting.safetyStock(0.95, 10, 3, 4, 1)).isCloseTo(19.182, within(0.001));
        assertThat(Forecasting.safetyStock(0.95, 10, 0, 4, 0)).isZero();
    }

    @Test
    void aSteadySeriesIsForecastAtItsLevelWithNoError() {
        double[] y = new double[120];
        java.util.Arrays.fill(y, 10);
        var r = Forecasting.forecast(y);
        assertThat(r.method()).isEqualTo("SES");
        assertThat(r.daily()).isCloseTo(10, within(1e-9));
        assertThat(r.sd()).isCloseTo(0, within(1e-9));
        assertThat(r.wape()).isCloseTo(0, within(1e-9));
        assertThat(r.intermittent()).isFalse();
    }

    @Test
    void aTrendIsFollowedByAMethodWithATrend() {
        double[] y = new double[200];
        for (int t = 0; t < y.length; t++) {
            y[t] = 10 + 0.5 * t;
        }
        var r = Forecasting.forecast(y);
        assertThat(r.method()).isIn("HOLT", "HOLT_WINTERS_WEEKLY");
        // Tomorrow is day 200: 110; the damped trend still says so to within a unit.
        assertThat(r.forecast()[0]).isCloseTo(110, within(1.0));
        // Simple smoothing would lag the trend: its back-test error is larger.
        var ses = new Forecasting.Ses(0.4);
        double[] train = java.util.Arrays.copyOf(y, 172);
        assertThat(ses.forecast(train, 28)[27]).isLessThan(r.forecast()[0] - 10);
    }

    @Test
    void aWeeklyPatternIsForecastDayByDay() {
        double[] y = new double[140];
        for (int t = 0; t < y.length; t++) {
            y[t] = 20 + (t % 7 >= 5 ? 15 : 0);
        }
        var r = Forecasting.forecast(y);
        assertThat(r.method()).isEqualTo("HOLT_WINTERS_WEEKLY");
        // Day 140 is a weekday (140 % 7 = 0), day 145 a weekend day.
        assertThat(r.forecast()[0]).isCloseTo(20, within(0.5));
        assertThat(r.forecast()[5]).isCloseTo(35, within(0.5));
        assertThat(r.mase()).isLessThan(0.1);
        assertThat(r.daily()).isCloseTo((5 * 20 + 2 * 35) / 7.0, within(0.5));
    }

    @Test
    void aYearlyPatternOnLongHistoryIsForecastFromWeeks() {
        // Two and a half years: 70 a day in the summer weeks, 10 a day otherwise, exactly repeating.
        double[] y = new double[364 * 2 + 182];
        for (int t = 0; t < y.length; t++) {
            int week = (t / 7) % 52;
            y[t] = week >= 22 && week < 35 ? 70 : 10;
        }
        var r = Forecasting.forecast(y);
        assertThat(r.method()).isEqualTo("HOLT_WINTERS_YEARLY");
        // The history ends at week 26 of the third year, in summer: the next days stay at 70.
        assertThat(r.forecast()[0]).isCloseTo(70, within(3.0));
    }

    @Test
    void intermittentDemandIsForecastAsARate() {
        double[] y = new double[200];
        for (int t = 3; t < y.length; t += 4) {
            y[t] = 5;
        }
        var r = Forecasting.forecast(y);
        assertThat(r.intermittent()).isTrue();
        assertThat(r.method()).isIn("CROSTON", "SBA", "TSB");
        assertThat(r.daily()).isCloseTo(1.25, within(0.15));
    }

    @Test
    void noDemandForecastsNothing() {
        var r = Forecasting.forecast(new double[60]);
        assertThat(r.method()).isEqualTo("NONE");
        assertThat(r.daily()).isZero();
    }
}
