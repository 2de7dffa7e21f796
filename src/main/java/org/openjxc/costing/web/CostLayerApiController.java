package org.openjxc.costing.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.openjxc.costing.CostLayerView;
import org.openjxc.costing.CostLayers;
import org.openjxc.shared.Actors;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The open cost layers of FIFO and specific-batch items. */
@RestController
@Tag(name = "Costing")
class CostLayerApiController {

    private final CostLayers layers;

    CostLayerApiController(CostLayers layers) {
        this.layers = layers;
    }

    @GetMapping("/api/v1/cost-layers")
    @RequiresPermission(Permission.VIEW_COST)
    PageResult<CostLayerView> open(
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return layers.open(Actors.require(), item, warehouse, PageQuery.of(page, size, sort));
    }
}
