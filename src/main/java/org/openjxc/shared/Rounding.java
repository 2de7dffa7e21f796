package org.openjxc.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place for the scales of DESIGN.md principle 9: quantities to 4 decimals, unit costs to
 * 6, amounts to 2, rounding HALF_UP at the amount level.
 */
public final class Rounding {

    public static final int QTY_SCALE = 4;
    public static final int COST_SCALE = 6;
    public static final int AMOUNT_SCALE = 2;

    private Rounding() {}

    public static BigDecimal amount(BigDecimal value) {
        return value.setScale(AMOUNT_SCALE, RoundingMode.HALF_UP);
    }

    public static BigDecimal cost(BigDecimal value) {
        return value.setScale(COST_SCALE, RoundingMode.HALF_UP);
    }

    /** Value ÷ quantity as a unit cost. */
    public static BigDecimal unitCost(BigDecimal value, BigDecimal qty) {
        return value.divide(qty, COST_SCALE, RoundingMode.HALF_UP);
    }

    /** True when the value fits the quantity scale without rounding. */
    public static boolean isQty(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= QTY_SCALE;
    }

    /** A number without trailing zeros and never in exponent form (24.0000 → 24, 10 stays 10). */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
