package org.openjxc.document.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openjxc.document.DocumentCommand;
import org.openjxc.document.DocumentLineView;
import org.openjxc.document.DocumentType;
import org.openjxc.document.DocumentView;
import org.openjxc.document.LineCommand;
import org.openjxc.document.StockStatus;
import org.openjxc.shared.Text;
import org.springframework.format.annotation.DateTimeFormat;

/** The document editor's form: header and lines as the page binds them. */
public class DocumentForm {

    /** One editable line; rows without an item are ignored. */
    public static class Line {
        private String item;
        private BigDecimal qty;
        private String unit;
        private BigDecimal price;
        /** In percent, as people write it (13 for 13%); empty takes the item's rate. */
        private BigDecimal taxRate;

        private String bin;
        private String toBin;
        private String batch;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate expiryDate;

        private StockStatus status;
        private StockStatus fromStatus;
        private boolean gift;
        private Integer sourceLine;

        public Integer getSourceLine() {
            return sourceLine;
        }

        public void setSourceLine(Integer sourceLine) {
            this.sourceLine = sourceLine;
        }

        boolean isBlank() {
            return item == null || item.isBlank();
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

        public String getUnit() {
            return unit;
        }

        public void setUnit(String unit) {
            this.unit = unit;
        }

        public BigDecimal getTaxRate() {
            return taxRate;
        }

        public void setTaxRate(BigDecimal taxRate) {
            this.taxRate = taxRate;
        }

        public BigDecimal getPrice() {
            return price;
        }

        public void setPrice(BigDecimal price) {
            this.price = price;
        }

        public String getBin() {
            return bin;
        }

        public void setBin(String bin) {
            this.bin = bin;
        }

        public String getToBin() {
            return toBin;
        }

        public void setToBin(String toBin) {
            this.toBin = toBin;
        }

        public String getBatch() {
            return batch;
        }

        public void setBatch(String batch) {
            this.batch = batch;
        }

        public LocalDate getExpiryDate() {
            return expiryDate;
        }

        public void setExpiryDate(LocalDate expiryDate) {
            this.expiryDate = expiryDate;
        }

        public StockStatus getStatus() {
            return status;
        }

        public void setStatus(StockStatus status) {
            this.status = status;
        }

        public StockStatus getFromStatus() {
            return fromStatus;
        }

        public void setFromStatus(StockStatus fromStatus) {
            this.fromStatus = fromStatus;
        }

        public boolean isGift() {
            return gift;
        }

        public void setGift(boolean gift) {
            this.gift = gift;
        }
    }

    static final int BLANK_ROWS = 3;

    private DocumentType type = DocumentType.OTHER_INBOUND;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date = LocalDate.now();

    private String warehouse;
    private String toWarehouse;
    private String partner;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate expectedDate;

    private org.openjxc.document.AllocationBasis allocation = org.openjxc.document.AllocationBasis.AMOUNT;
    /** The source document by number (CGDD-20261122-0001) or id. */
    private String sourceDocument;

    private String remark;
    private Integer version;
    private String scan;
    private List<Line> lines = new ArrayList<>();

    static DocumentForm of(DocumentView d) {
        var f = new DocumentForm();
        f.type = d.type();
        f.date = d.date();
        f.warehouse = d.warehouse();
        f.toWarehouse = d.toWarehouse();
        f.partner = d.partner();
        f.expectedDate = d.expectedDate();
        if (d.allocation() != null) {
            f.allocation = d.allocation();
        }
        f.sourceDocument = d.sourceDocument() == null ? null : String.valueOf(d.sourceDocument());
        f.remark = d.remark();
        f.version = d.version();
        for (DocumentLineView l : d.lines()) {
            var line = new Line();
            line.item = l.item();
            line.qty = l.qty();
            line.unit = l.unit();
            line.price = l.price();
            line.taxRate = l.taxRate() == null || !d.type().partnerRole().isPresent()
                    ? null
                    : l.taxRate().movePointRight(2).stripTrailingZeros();
            line.bin = l.bin();
            line.toBin = l.toBin();
            line.batch = l.batch();
            line.expiryDate = l.expiryDate();
            line.status = l.status();
            line.fromStatus = l.fromStatus();
            line.gift = l.gift();
            line.sourceLine = l.sourceLine();
            f.lines.add(line);
        }
        return f;
    }

    /**
     * A new document of {@code type} following {@code source}: its warehouse and partner, and a
     * line for every source line with quantity open, in the entered unit when nothing was taken yet.
     */
    static DocumentForm following(DocumentType type, DocumentView source) {
        var f = new DocumentForm();
        f.type = type;
        f.warehouse = source.warehouse();
        f.partner = source.partner();
        f.sourceDocument = source.number();
        for (DocumentLineView l : source.lines()) {
            BigDecimal open = l.openQty() == null ? l.baseQty() : l.openQty();
            if (open.signum() <= 0) {
                continue;
            }
            var line = new Line();
            line.item = l.item();
            line.sourceLine = l.line();
            if (open.compareTo(l.baseQty()) == 0) {
                line.qty = l.qty();
                line.unit = l.unit();
                line.price = l.price();
            } else {
                line.qty = open;
                line.unit = l.baseUnit();
                line.price = l.price() == null
                        ? null
                        : l.price().multiply(l.qty()).divide(l.baseQty(), 6, java.math.RoundingMode.HALF_UP);
            }
            line.batch = l.batch();
            line.gift = l.gift();
            f.lines.add(line);
        }
        return f;
    }

    /** A new document of {@code type} following {@code source}, starting with the given lines. */
    static DocumentForm following(
            DocumentType type, DocumentView source, List<org.openjxc.document.LineCommand> startWith) {
        var f = new DocumentForm();
        f.type = type;
        f.warehouse = source.warehouse();
        f.partner = source.partner();
        f.sourceDocument = source.number();
        for (var l : startWith) {
            var line = new Line();
            line.item = l.item();
            line.qty = l.qty();
            line.unit = l.unit();
            line.price = l.price();
            line.sourceLine = l.sourceLine();
            f.lines.add(line);
        }
        return f;
    }

    /** The command; drops blank rows first so that error paths match the rows shown. */
    DocumentCommand toCommand(java.util.function.Function<String, Long> sourceIds) {
        lines.removeIf(Line::isBlank);
        List<LineCommand> commands = lines.stream()
                .map(l -> new LineCommand(
                        Text.trimToNull(l.item),
                        l.qty,
                        Text.trimToNull(l.unit),
                        l.price,
                        Text.trimToNull(l.bin),
                        Text.trimToNull(l.toBin),
                        Text.trimToNull(l.batch),
                        null,
                        l.expiryDate,
                        l.status,
                        l.fromStatus,
                        l.gift,
                        null,
                        l.sourceLine,
                        l.taxRate == null ? null : l.taxRate.movePointLeft(2)))
                .toList();
        String source = Text.trimToNull(sourceDocument);
        return new DocumentCommand(
                type,
                date,
                Text.trimToNull(warehouse),
                Text.trimToNull(toWarehouse),
                Text.trimToNull(partner),
                source == null ? null : sourceIds.apply(source),
                Text.trimToNull(remark),
                commands,
                version,
                expectedDate,
                type == DocumentType.LANDED_COST ? allocation : null);
    }

    void padRows(int blank) {
        lines.removeIf(Line::isBlank);
        for (int i = 0; i < blank; i++) {
            lines.add(new Line());
        }
    }

    /** A scanned barcode becomes one more of that item: on its line if there is one, else a new line. */
    void addScanned(String itemCode, String unit) {
        lines.removeIf(Line::isBlank);
        for (Line l : lines) {
            if (itemCode.equals(l.item) && (l.unit == null || l.unit.equals(unit)) && l.batch == null) {
                l.qty = (l.qty == null ? BigDecimal.ZERO : l.qty).add(BigDecimal.ONE);
                return;
            }
        }
        var line = new Line();
        line.item = itemCode;
        line.unit = unit;
        line.qty = BigDecimal.ONE;
        lines.add(line);
    }

    public DocumentType getType() {
        return type;
    }

    public void setType(DocumentType type) {
        this.type = type;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getWarehouse() {
        return warehouse;
    }

    public void setWarehouse(String warehouse) {
        this.warehouse = warehouse;
    }

    public String getToWarehouse() {
        return toWarehouse;
    }

    public void setToWarehouse(String toWarehouse) {
        this.toWarehouse = toWarehouse;
    }

    public LocalDate getExpectedDate() {
        return expectedDate;
    }

    public void setExpectedDate(LocalDate expectedDate) {
        this.expectedDate = expectedDate;
    }

    public org.openjxc.document.AllocationBasis getAllocation() {
        return allocation;
    }

    public void setAllocation(org.openjxc.document.AllocationBasis allocation) {
        this.allocation = allocation;
    }

    public String getPartner() {
        return partner;
    }

    public void setPartner(String partner) {
        this.partner = partner;
    }

    public String getSourceDocument() {
        return sourceDocument;
    }

    public void setSourceDocument(String sourceDocument) {
        this.sourceDocument = sourceDocument;
    }

    public String getRemark() {
        return remark;
    }

    public void setRemark(String remark) {
        this.remark = remark;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public String getScan() {
        return scan;
    }

    public void setScan(String scan) {
        this.scan = scan;
    }

    public List<Line> getLines() {
        return lines;
    }

    public void setLines(List<Line> lines) {
        this.lines = lines;
    }
}
