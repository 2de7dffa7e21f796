package org.openjxc.catalog.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.openjxc.catalog.ItemQuery;
import org.openjxc.catalog.ItemType;
import org.openjxc.catalog.Items;
import org.openjxc.shared.Actors;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.BarcodeImages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Printable item labels (print-ready HTML, A4 sheets of labels): name, spec, price, the item's
 * barcode as EAN-13 or Code 128 and a QR code of the item code, for the filtered item list.
 */
@Controller
class LabelController {

    static final int MAX_LABELS = 600;

    record Label(
            String code,
            String name,
            String spec,
            BigDecimal price,
            String barcode,
            boolean ean13,
            String barcodeImage,
            String qrImage) {}

    private final Items items;

    LabelController(Items items) {
        this.items = items;
    }

    @GetMapping("/items/labels")
    @RequiresPermission(Permission.PRINT_ITEM)
    String labels(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) ItemType type,
            @RequestParam(required = false) Boolean active,
            @RequestParam(defaultValue = "1") int copies,
            Model model) {
        int n = Math.max(1, Math.min(copies, 50));
        List<Label> labels = new ArrayList<>();
        boolean[] truncated = {false};
        items.forEach(Actors.require(), new ItemQuery(q, category, type, null, active), item -> {
            if (labels.size() >= MAX_LABELS) {
                truncated[0] = true;
                return;
            }
            String barcode =
                    item.barcodes().isEmpty() ? item.code() : item.barcodes().get(0);
            var label = new Label(
                    item.code(),
                    item.name(),
                    item.spec(),
                    item.salePrice(),
                    barcode,
                    BarcodeImages.isEan13(barcode),
                    BarcodeImages.linear(barcode),
                    BarcodeImages.qr(item.code()));
            for (int i = 0; i < n && labels.size() < MAX_LABELS; i++) {
                labels.add(label);
            }
        });
        model.addAttribute("labels", labels);
        model.addAttribute("truncated", truncated[0]);
        model.addAttribute("max", MAX_LABELS);
        return "catalog/labels";
    }
}
