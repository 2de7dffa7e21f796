package org.openjxc.catalog.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openjxc.catalog.AbcClass;
import org.openjxc.catalog.CostMethod;
import org.openjxc.catalog.ItemCommand;
import org.openjxc.catalog.ItemType;
import org.openjxc.catalog.ItemView;
import org.openjxc.catalog.UnitFactor;
import org.openjxc.shared.Text;

/** The item form of the web page: what the page binds, turned into an {@link ItemCommand}. */
public class ItemForm {

    /** One alternate unit row; blank rows are ignored. */
    public static class UnitRow {
        private String unit;
        private BigDecimal factor;

        public UnitRow() {}

        UnitRow(String unit, BigDecimal factor) {
            this.unit = unit;
            this.factor = factor;
        }

        public String getUnit() {
            return unit;
        }

        public void setUnit(String unit) {
            this.unit = unit;
        }

        public BigDecimal getFactor() {
            return factor;
        }

        public void setFactor(BigDecimal factor) {
            this.factor = factor;
        }

        boolean isBlank() {
            return (unit == null || unit.isBlank()) && factor == null;
        }
    }

    static final int BLANK_UNIT_ROWS = 2;

    private String code;
    private String name;
    private String spec;
    private String category;
    private String unit = "pcs";
    private List<UnitRow> units = new ArrayList<>();
    private String barcodes;
    private ItemType type = ItemType.GOODS;
    private CostMethod costMethod = CostMethod.MOVING_AVERAGE;
    private boolean batchManaged;
    private boolean inspectOnReceipt;
    private Integer shelfLifeDays;
    private BigDecimal safetyStock;
    private AbcClass abcClass;
    private String defaultSupplier;
    private BigDecimal purchasePrice;
    private BigDecimal salePrice;
    private BigDecimal taxRate;
    private BigDecimal weight;
    private BigDecimal volume;
    private boolean active = true;
    private Integer version;

    static ItemForm blank() {
        var form = new ItemForm();
        form.padUnitRows();
        return form;
    }

    static ItemForm of(ItemView item) {
        var form = new ItemForm();
        form.code = item.code();
        form.name = item.name();
        form.spec = item.spec();
        form.category = item.category();
        form.unit = item.unit();
        item.units().forEach(u -> form.units.add(new UnitRow(u.unit(), u.factor())));
        form.barcodes = String.join("\n", item.barcodes());
        form.type = item.type();
        form.costMethod = item.costMethod();
        form.batchManaged = item.batchManaged();
        form.inspectOnReceipt = item.inspectOnReceipt();
        form.shelfLifeDays = item.shelfLifeDays();
        form.safetyStock = item.safetyStock();
        form.abcClass = item.abcClass();
        form.defaultSupplier = item.defaultSupplier();
        form.purchasePrice = item.purchasePrice();
        form.salePrice = item.salePrice();
        form.taxRate = item.taxRate();
        form.weight = item.weight();
        form.volume = item.volume();
        form.active = item.active();
        form.version = item.version();
        form.padUnitRows();
        return form;
    }

    /** The command; drops blank unit rows first so that error paths match the rows shown. */
    ItemCommand toCommand() {
        units.removeIf(UnitRow::isBlank);
        List<UnitFactor> unitFactors = units.stream()
                .map(u -> new UnitFactor(Text.trimToNull(u.unit), u.factor))
                .toList();
        List<String> codes = barcodes == null
                ? List.of()
                : Arrays.stream(barcodes.split("[\\s,，;；]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
        return new ItemCommand(
                Text.trimToNull(code),
                Text.trimToNull(name),
                Text.trimToNull(spec),
                Text.trimToNull(category),
                Text.trimToNull(unit),
                unitFactors,
                codes,
                type,
                costMethod,
                batchManaged,
                shelfLifeDays,
                safetyStock,
                abcClass,
                Text.trimToNull(defaultSupplier),
                purchasePrice,
                salePrice,
                taxRate,
                weight,
                volume,
                active,
                version,
                inspectOnReceipt);
    }

    /** Command field paths as this form names them. */
    static String fieldOfForm(String commandField) {
        return commandField.startsWith("barcodes") ? "barcodes" : commandField;
    }

    void padUnitRows() {
        for (int i = 0; i < BLANK_UNIT_ROWS; i++) {
            units.add(new UnitRow());
        }
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSpec() {
        return spec;
    }

    public void setSpec(String spec) {
        this.spec = spec;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public List<UnitRow> getUnits() {
        return units;
    }

    public void setUnits(List<UnitRow> units) {
        this.units = units;
    }

    public String getBarcodes() {
        return barcodes;
    }

    public void setBarcodes(String barcodes) {
        this.barcodes = barcodes;
    }

    public ItemType getType() {
        return type;
    }

    public void setType(ItemType type) {
        this.type = type;
    }

    public CostMethod getCostMethod() {
        return costMethod;
    }

    public void setCostMethod(CostMethod costMethod) {
        this.costMethod = costMethod;
    }

    public boolean isBatchManaged() {
        return batchManaged;
    }

    public void setBatchManaged(boolean batchManaged) {
        this.batchManaged = batchManaged;
    }

    public boolean isInspectOnReceipt() {
        return inspectOnReceipt;
    }

    public void setInspectOnReceipt(boolean inspectOnReceipt) {
        this.inspectOnReceipt = inspectOnReceipt;
    }

    public Integer getShelfLifeDays() {
        return shelfLifeDays;
    }

    public void setShelfLifeDays(Integer shelfLifeDays) {
        this.shelfLifeDays = shelfLifeDays;
    }

    public BigDecimal getSafetyStock() {
        return safetyStock;
    }

    public void setSafetyStock(BigDecimal safetyStock) {
        this.safetyStock = safetyStock;
    }

    public AbcClass getAbcClass() {
        return abcClass;
    }

    public void setAbcClass(AbcClass abcClass) {
        this.abcClass = abcClass;
    }

    public String getDefaultSupplier() {
        return defaultSupplier;
    }

    public void setDefaultSupplier(String defaultSupplier) {
        this.defaultSupplier = defaultSupplier;
    }

    public BigDecimal getPurchasePrice() {
        return purchasePrice;
    }

    public void setPurchasePrice(BigDecimal purchasePrice) {
        this.purchasePrice = purchasePrice;
    }

    public BigDecimal getSalePrice() {
        return salePrice;
    }

    public void setSalePrice(BigDecimal salePrice) {
        this.salePrice = salePrice;
    }

    public BigDecimal getTaxRate() {
        return taxRate;
    }

    public void setTaxRate(BigDecimal taxRate) {
        this.taxRate = taxRate;
    }

    public BigDecimal getWeight() {
        return weight;
    }

    public void setWeight(BigDecimal weight) {
        this.weight = weight;
    }

    public BigDecimal getVolume() {
        return volume;
    }

    public void setVolume(BigDecimal volume) {
        this.volume = volume;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
