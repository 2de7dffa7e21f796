package org.openjxc.production.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openjxc.production.BomCommand;
import org.openjxc.production.BomKind;
import org.openjxc.production.BomView;
import org.openjxc.shared.Text;
import org.springframework.format.annotation.DateTimeFormat;

/** The BOM editor's form: header fields and component rows (blank rows are dropped). */
public class BomForm {

    static final int BLANK_ROWS = 5;

    private String item;
    private String version = "V1";
    private BomKind kind = BomKind.PRODUCTION;
    private BigDecimal outputQty = BigDecimal.ONE;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validFrom = LocalDate.now();

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validTo;

    private BigDecimal tolerancePercent = BigDecimal.valueOf(5);
    private BigDecimal labourRate = BigDecimal.ZERO;
    private BigDecimal overheadRate = BigDecimal.ZERO;
    private boolean active = true;
    private String remark;
    private List<Line> lines = new ArrayList<>();

    /** One component row. */
    public static class Line {
        private String item;
        private BigDecimal qty;
        private BigDecimal scrapPercent;
        private boolean byProduct;
        private BigDecimal unitCost;

        boolean isBlank() {
            return (item == null || item.isBlank()) && qty == null;
        }

        public String getItem() {
            return item;
        }

        public void setItem(String item) {
            this.item = item;
        }

        public BigDecimal getQty() {
            return qty;
        }

        public void setQty(BigDecimal qty) {
            this.qty = qty;
        }

        public BigDecimal getScrapPercent() {
            return scrapPercent;
        }

        public void setScrapPercent(BigDecimal scrapPercent) {
            this.scrapPercent = scrapPercent;
        }

        public boolean isByProduct() {
            return byProduct;
        }

        public void setByProduct(boolean byProduct) {
            this.byProduct = byProduct;
        }

        public BigDecimal getUnitCost() {
            return unitCost;
        }

        public void setUnitCost(BigDecimal unitCost) {
            this.unitCost = unitCost;
        }
    }

    static BomForm of(BomView b) {
        var f = new BomForm();
        f.item = b.item();
        f.version = b.version();
        f.kind = b.kind();
        f.outputQty = b.outputQty();
        f.validFrom = b.validFrom();
        f.validTo = b.validTo();
        f.tolerancePercent = b.tolerancePercent();
        f.labourRate = b.labourRate();
        f.overheadRate = b.overheadRate();
        f.active = b.active();
        f.remark = b.remark();
        for (BomView.Line l : b.lines()) {
            var line = new Line();
            line.item = l.item();
            line.qty = l.qty();
            line.scrapPercent = l.scrapPercent();
            line.byProduct = l.byProduct();
            line.unitCost = l.unitCost();
            f.lines.add(line);
        }
        return f;
    }

    void padRows(int blank) {
        for (int i = 0; i < blank; i++) {
            lines.add(new Line());
        }
    }

    BomCommand toCommand() {
        lines.removeIf(Line::isBlank);
        return new BomCommand(
                Text.trimToNull(item),
                Text.trimToNull(version),
                kind,
                outputQty,
                validFrom,
                validTo,
                tolerancePercent,
                labourRate,
                overheadRate,
                active,
                remark,
                lines.stream()
                        .map(l -> new BomCommand.Line(
                                Text.trimToNull(l.item), l.qty, l.scrapPercent, l.byProduct, l.unitCost))
                        .toList());
    }

    public String getItem() {
        return item;
    }

    public void setItem(String item) {
        this.item = item;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public BomKind getKind() {
        return kind;
    }

    public void setKind(BomKind kind) {
        this.kind = kind;
    }

    public BigDecimal getOutputQty() {
        return outputQty;
    }

    public void setOutputQty(BigDecimal outputQty) {
        this.outputQty = outputQty;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public void setValidTo(LocalDate validTo) {
        this.validTo = validTo;
    }

    public BigDecimal getTolerancePercent() {
        return tolerancePercent;
    }

    public void setTolerancePercent(BigDecimal tolerancePercent) {
        this.tolerancePercent = tolerancePercent;
    }

    public BigDecimal getLabourRate() {
        return labourRate;
    }

    public void setLabourRate(BigDecimal labourRate) {
        this.labourRate = labourRate;
    }

    public BigDecimal getOverheadRate() {
        return overheadRate;
    }

    public void setOverheadRate(BigDecimal overheadRate) {
        this.overheadRate = overheadRate;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getRemark() {
        return remark;
    }

    public void setRemark(String remark) {
        this.remark = remark;
    }

    public List<Line> getLines() {
        return lines;
    }

    public void setLines(List<Line> lines) {
        this.lines = lines;
    }
}
