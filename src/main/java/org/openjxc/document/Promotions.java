package org.openjxc.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjxc.audit.AuditLog;
import org.openjxc.catalog.ItemView;
import org.openjxc.catalog.Items;
import org.openjxc.document.internal.PromotionRows;
import org.openjxc.shared.Actor;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.FieldViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** "Buy 10, get 1": promotions and the gift lines they add to new sales orders and deliveries. */
@Service
public class Promotions {

    private final PromotionRows rows;
    private final Items items;
    private final AuditLog audit;

    Promotions(PromotionRows rows, Items items, AuditLog audit) {
        this.rows = rows;
        this.items = items;
        this.audit = audit;
    }

    @Transactional
    public Promotion create(Actor actor, Promotion p) {
        if (rows.exists(actor.companyId(), p.code())) {
            throw BusinessException.duplicateCode("Promotion", "code", p.code());
        }
        List<FieldViolation> v = new ArrayList<>();
        var item = items.find(actor.companyId(), p.item());
        var gift = items.find(actor.companyId(), p.giftItem());
        if (item.isEmpty()) {
            v.add(FieldViolation.of("item", "error.reference.unknown", "Item", p.item()));
        }
        if (gift.isEmpty()) {
            v.add(FieldViolation.of("giftItem", "error.reference.unknown", "Item", p.giftItem()));
        }
        if (p.validTo().isBefore(p.validFrom())) {
            v.add(FieldViolation.of("validTo", "error.promotion.period"));
        }
        if (!v.isEmpty()) {
            throw BusinessException.invalid(v);
        }
        rows.insert(actor.companyId(), p, item.get().id(), gift.get().id());
        Promotion created = rows.find(actor.companyId(), p.code()).orElseThrow();
        audit.record("CREATE", "Promotion", p.code(), null, created);
        return created;
    }

    @Transactional(readOnly = true)
    public List<Promotion> list(Actor actor) {
        return rows.list(actor.companyId());
    }

    /**
     * The gift lines the promotions of the day add to these lines: for each promotion, every whole
     * {@code buyQty} of its item (in base units, summed over the lines) adds {@code giftQty} of the
     * gift item at price 0.
     */
    List<LineCommand> giftLines(long companyId, LocalDate day, List<LineCommand> lines) {
        List<String> codes = lines.stream()
                .map(LineCommand::item)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        List<Promotion> promotions = rows.active(companyId, day, codes);
        if (promotions.isEmpty()) {
            return List.of();
        }
        Map<String, ItemView> known = items.findAll(companyId, codes);
        Map<String, BigDecimal> sold = new LinkedHashMap<>();
        for (LineCommand l : lines) {
            ItemView item = known.get(l.item());
            if (item == null || l.qty() == null) {
                continue;
            }
            String unit = l.unit() == null || l.unit().isBlank() ? item.unit() : l.unit();
            item.factorOf(unit).ifPresent(f -> sold.merge(item.code(), l.qty().multiply(f), BigDecimal::add));
        }
        List<LineCommand> gifts = new ArrayList<>();
        for (Promotion p : promotions) {
            BigDecimal times = PromotionRows.times(sold.getOrDefault(p.item(), BigDecimal.ZERO), p.buyQty());
            if (times.signum() > 0) {
                gifts.add(new LineCommand(
                        p.giftItem(),
                        p.giftQty().multiply(times),
                        null,
                        BigDecimal.ZERO,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        true,
                        p.name()));
            }
        }
        return gifts;
    }
}
