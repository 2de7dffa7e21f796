package org.openjxc.production;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjxc.audit.AuditLog;
import org.openjxc.document.DocumentStatus;
import org.openjxc.document.DocumentType;
import org.openjxc.document.DocumentView;
import org.openjxc.document.Documents;
import org.openjxc.inventory.Stock;
import org.openjxc.production.internal.ProductionPlans;
import org.openjxc.production.internal.ProductionRows;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.Permission;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Production orders as the shop floor follows them: progress, work in progress and receipt costs
 * against the standard; and the authorised override of the material tolerance.
 */
@Service
public class Production {

    private final ProductionRows rows;
    private final ProductionPlans plans;
    private final Stock stock;
    /** Looked up when needed: posting calls production, so the engine cannot be built before it. */
    private final ObjectProvider<Documents> documents;

    private final AuditLog audit;

    Production(
            ProductionRows rows,
            ProductionPlans plans,
            Stock stock,
            ObjectProvider<Documents> documents,
            AuditLog audit) {
        this.rows = rows;
        this.plans = plans;
        this.stock = stock;
        this.documents = documents;
        this.audit = audit;
    }

    /** A production order's progress; one outside the actor's data scope answers 404. */
    @Transactional(readOnly = true)
    public ProductionOrderView order(Actor actor, long id) {
        DocumentView doc = documents.getObject().get(actor, id);
        if (doc.type() != DocumentType.PRODUCTION_ORDER) {
            throw BusinessException.notFound("ProductionOrder", id);
        }
        ProductionPlans.Plan plan = plans.plan(actor.companyId(), id);
        Map<Integer, BigDecimal> received = rows.received(actor.companyId(), id, -1);
        Map<Long, BigDecimal> issued = rows.issued(actor.companyId(), id, -1);
        Map<Integer, BigDecimal> reserved = rows.reserved(actor.companyId(), id);
        Set<Long> ids = new HashSet<>();
        plan.lines().forEach(l -> ids.add(l.itemId()));
        plan.requirements().forEach(r -> ids.add(r.itemId()));
        Map<Long, String[]> names = rows.itemNames(actor.companyId(), ids);

        List<ProductionOrderView.Output> outputs = new ArrayList<>();
        boolean complete = true;
        for (ProductionRows.OrderLine l : plan.lines()) {
            BigDecimal got = received.getOrDefault(l.line(), BigDecimal.ZERO);
            BigDecimal open = l.baseQty().subtract(got).max(BigDecimal.ZERO);
            complete &= open.signum() == 0;
            String[] n = names.get(l.itemId());
            outputs.add(new ProductionOrderView.Output(
                    l.line(), n[0], n[1], n[2], plan.recipes().get(l.line()).version(), l.baseQty(), got, open));
        }
        // Issued quantities are counted against the item's requirements in order.
        Map<Long, BigDecimal> left = new java.util.HashMap<>(issued);
        List<ProductionOrderView.Requirement> requirements = new ArrayList<>();
        for (ProductionPlans.Requirement r : plan.requirements()) {
            BigDecimal available = left.getOrDefault(r.itemId(), BigDecimal.ZERO);
            boolean last = plan.requirements().stream()
                            .filter(o -> o.itemId() == r.itemId())
                            .reduce((a, b) -> b)
                            .orElseThrow()
                            .key()
                    == r.key();
            BigDecimal counted = last ? available : available.min(r.qty());
            left.put(r.itemId(), available.subtract(counted));
            String[] n = names.get(r.itemId());
            requirements.add(new ProductionOrderView.Requirement(
                    r.key(),
                    n[0],
                    n[1],
                    n[2],
                    r.qty(),
                    counted,
                    r.qty().subtract(counted).max(BigDecimal.ZERO),
                    reserved.getOrDefault(r.key(), BigDecimal.ZERO),
                    r.recipe().tolerancePercent()));
        }
        boolean costs = Actors.has(Permission.VIEW_COST);
        BigDecimal issuedValue = stock.documentsValue(
                        actor.companyId(), rows.postedFollowers(actor.companyId(), id, "PRODUCTION_ISSUE", -1))
                .negate();
        List<ProductionRows.ReceiptCost> receiptCosts = rows.receiptCosts(actor.companyId(), id);
        BigDecimal absorbed = receiptCosts.stream()
                .map(ProductionRows.ReceiptCost::materials)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<ProductionOrderView.ReceiptCost> receipts = receiptCosts.stream()
                .map(c -> {
                    BigDecimal total =
                            c.materials().add(c.labour()).add(c.overhead()).subtract(c.byProducts());
                    return new ProductionOrderView.ReceiptCost(
                            c.documentId(),
                            c.number(),
                            c.qty(),
                            costs ? c.materials() : null,
                            costs ? c.labour() : null,
                            costs ? c.overhead() : null,
                            costs ? c.byProducts() : null,
                            costs ? total : null,
                            costs ? c.standard() : null,
                            costs ? total.subtract(c.standard()) : null);
                })
                .toList();
        return new ProductionOrderView(
                id,
                doc.number(),
                doc.status(),
                doc.closed(),
                complete,
                doc.date(),
                doc.warehouse(),
                outputs,
                requirements,
                costs ? issuedValue : null,
                costs ? absorbed : null,
                costs ? issuedValue.subtract(absorbed) : null,
                receipts);
    }

    /**
     * Lets a material issue or finished-goods receipt post beyond the BOM's tolerance, with a
     * reason, for exactly the quantities it holds now (an edit afterwards needs another override).
     */
    @Transactional
    public void override(Actor actor, long documentId, String reason) {
        DocumentView doc = documents.getObject().get(actor, documentId);
        if (doc.type() != DocumentType.PRODUCTION_ISSUE && doc.type() != DocumentType.PRODUCTION_RECEIPT) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.production.overrideType", doc.number());
        }
        if (doc.status() == DocumentStatus.POSTED || doc.status() == DocumentStatus.CANCELLED) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.document.state", doc.number(), doc.status());
        }
        if (reason == null || reason.isBlank()) {
            throw BusinessException.invalid("reason", "error.production.overrideReason");
        }
        String lines = ProductionRows.linesKey(rows.lines(actor.companyId(), documentId));
        rows.saveOverride(actor.companyId(), documentId, lines, reason.trim(), actor.userId());
        audit.record("OVERRIDE", "Document", doc.number(), null, Map.of("reason", reason.trim()));
    }

    /**
     * Labour and overhead a posted finished-goods receipt absorbed: what its voucher credits to
     * manufacturing overhead (the rest of its value leaves work in progress).
     */
    @Transactional(readOnly = true)
    public BigDecimal conversionCost(long companyId, long documentId) {
        return rows.receiptCost(companyId, documentId)
                .map(c -> c.labour().add(c.overhead()))
                .orElse(BigDecimal.ZERO);
    }
}
