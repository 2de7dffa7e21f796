package org.openjxc.inventory.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjxc.shared.Rounding;

/**
 * Moving-average cost of one item in one warehouse, replayed move by move in document-date order
 * with the rules posting uses (see {@code StockLedger}): stock that leaves takes the running average
 * (all the value left when it takes all the stock), received stock keeps its price, a count gain
 * comes in at the average, a customer's return at what its delivery line cost, a transfer's arrival
 * at what its shipment took, a reversal takes back what its move stands at. A move whose value
 * differs from what the replay gives gets a correction.
 */
public final class CostWalk {

    /** How a move is valued in the replay. */
    public enum Kind {
        /** Goes out at the running average. */
        OUT,
        /** Comes in at its own price. */
        PRICED_IN,
        /** A count gain, at the running average. */
        COUNT_GAIN,
        /** A customer's return, at what its delivery line cost ({@link WalkMove#sourceKey()}). */
        RETURN_IN,
        /** A transfer's arrival in transit, at what its shipment took ({@link WalkMove#fedValue()}). */
        TRANSFER_IN,
        /** Undoes another move. */
        REVERSAL,
        /** Value without quantity (a landed cost), or a shift inside the warehouse (status, receipt of a transfer). */
        KEPT
    }

    /**
     * One move as the walk reads it: {@code value} is what it stands at now (its own value and the
     * corrections it already has); for a reversal {@code fedValue} is what its move stands at, for a
     * transfer's arrival what the shipment took (negated), otherwise null.
     */
    public record WalkMove(
            long id,
            long warehouseId,
            long binId,
            String batch,
            String status,
            BigDecimal qty,
            BigDecimal value,
            LocalDate movedOn,
            Long reversalOf,
            BigDecimal fedValue,
            long documentId,
            int line,
            String documentType,
            LocalDate expiryDate,
            Kind kind,
            String sourceKey) {

        String lineKey() {
            return documentId + "|" + line;
        }
    }

    /** A correction to write: the move, and its new value. */
    public record Correction(WalkMove move, BigDecimal newValue) {

        public BigDecimal delta() {
            return newValue.subtract(move.value());
        }
    }

    private BigDecimal qty;
    private BigDecimal value;
    private BigDecimal cost;
    /** New values of moves corrected in this step, for reversals of them later in the same step. */
    private final Map<Long, BigDecimal> corrected = new HashMap<>();
    /** Value corrected in this step per document line, for returns of those lines. */
    private final Map<String, BigDecimal> lineDelta = new HashMap<>();

    private final List<Correction> corrections = new ArrayList<>();

    /** Starts from the stock just before the first move to replay, and the last average known. */
    public CostWalk(BigDecimal qty, BigDecimal value, BigDecimal cost) {
        this.qty = qty;
        this.value = value;
        this.cost = cost == null ? BigDecimal.ZERO : cost;
    }

    public BigDecimal qty() {
        return qty;
    }

    public BigDecimal value() {
        return value;
    }

    public BigDecimal cost() {
        return cost;
    }

    /**
     * Replays one move. {@code returnLine} gives, for a return, its delivery line's value and
     * quantity as written so far ([value, qty]); the walk adds what it corrected of that line.
     */
    public void walk(WalkMove m, Map<String, BigDecimal[]> returnLines) {
        BigDecimal now = switch (m.kind()) {
            case KEPT, PRICED_IN -> m.value();
            case OUT -> {
                BigDecimal take = m.qty().negate();
                BigDecimal unit = qty.signum() > 0 && value.signum() >= 0 ? Rounding.unitCost(value, qty) : cost;
                yield (qty.compareTo(take) == 0 ? value : Rounding.amount(take.multiply(unit))).negate();
            }
            case COUNT_GAIN -> Rounding.amount(m.qty().multiply(cost));
            case TRANSFER_IN -> m.fedValue() == null ? m.value() : m.fedValue();
            case RETURN_IN -> {
                BigDecimal[] line = m.sourceKey() == null ? null : returnLines.get(m.sourceKey());
                if (line == null || line[1].signum() == 0) {
                    yield m.value();
                }
                BigDecimal lineValue = line[0].add(lineDelta.getOrDefault(m.sourceKey(), BigDecimal.ZERO));
                yield Rounding.amount(m.qty()
                        .multiply(lineValue.divide(line[1], Rounding.COST_SCALE, java.math.RoundingMode.HALF_UP)));
            }
            case REVERSAL -> {
                BigDecimal original = corrected.containsKey(m.reversalOf())
                        ? corrected.get(m.reversalOf())
                        : m.fedValue() == null ? m.value().negate() : m.fedValue();
                BigDecimal back = original.negate();
                if (m.qty().signum() < 0) {
                    // Received stock going back out: never leaves value without stock or below zero.
                    if (qty.compareTo(m.qty().negate()) == 0) {
                        back = value.negate();
                    } else if (value.add(back).signum() < 0) {
                        back = Rounding.amount(m.qty().multiply(cost));
                    }
                }
                yield back;
            }
        };
        if (now.compareTo(m.value()) != 0) {
            corrections.add(new Correction(m, now));
            corrected.put(m.id(), now);
            lineDelta.merge(m.lineKey(), now.subtract(m.value()), BigDecimal::add);
        }
        qty = qty.add(m.qty());
        value = value.add(now);
        if (qty.signum() > 0 && value.signum() >= 0) {
            cost = Rounding.unitCost(value, qty);
        }
    }

    /** The corrections of this step; the next step starts with none (they are written by then). */
    public List<Correction> drain() {
        List<Correction> out = List.copyOf(corrections);
        corrections.clear();
        corrected.clear();
        lineDelta.clear();
        return out;
    }
}
