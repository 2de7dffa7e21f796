package org.openjxc.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.openjxc.access.BuiltInRole;
import org.openjxc.access.Users;
import org.openjxc.catalog.AbcClass;
import org.openjxc.catalog.Categories;
import org.openjxc.catalog.CategoryCommand;
import org.openjxc.catalog.CostMethod;
import org.openjxc.catalog.ItemCommand;
import org.openjxc.catalog.ItemType;
import org.openjxc.catalog.Items;
import org.openjxc.catalog.UnitFactor;
import org.openjxc.document.DocumentCommand;
import org.openjxc.document.DocumentType;
import org.openjxc.document.DocumentView;
import org.openjxc.document.Documents;
import org.openjxc.document.LineCommand;
import org.openjxc.document.StockStatus;
import org.openjxc.inventory.Transfers;
import org.openjxc.organization.BinCommand;
import org.openjxc.organization.Companies;
import org.openjxc.organization.OrgUnitCommand;
import org.openjxc.organization.OrgUnits;
import org.openjxc.organization.WarehouseCommand;
import org.openjxc.organization.Warehouses;
import org.openjxc.partner.PartnerCommand;
import org.openjxc.partner.PartnerType;
import org.openjxc.partner.Partners;
import org.openjxc.shared.Actor;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo company once, in one transaction, when {@code openjxc.demo=true}. Deterministic
 * (fixed seed), so screenshots and walkthroughs look the same everywhere. Documents join the demo
 * as the document types land.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** The demo's own actor: the first company's administrator, recorded in the audit log as "demo". */
    record DemoActor(long userId, long companyId, String username) implements Actor {}

    private static final String[][] STORES = {{"SH", "上海总店", "上海总仓"}, {"NJ", "南京门店", "南京店仓"}, {"HZ", "杭州门店", "杭州店仓"}};
    private static final String[][] CATEGORIES = {
        {"DRINK", "饮料", null}, {"DRINK-SODA", "碳酸饮料", "DRINK"}, {"DRINK-WATER", "饮用水", "DRINK"},
        {"DRINK-TEA", "茶饮料", "DRINK"}, {"SNACK", "休闲零食", null}, {"SNACK-CHIPS", "膨化食品", "SNACK"},
        {"SNACK-NUT", "坚果炒货", "SNACK"}, {"GRAIN", "粮油调味", null}, {"GRAIN-OIL", "食用油", "GRAIN"},
        {"GRAIN-RICE", "米面", "GRAIN"}, {"DAILY", "日化清洁", null}, {"DAILY-WASH", "洗护用品", "DAILY"}
    };
    private static final String[][] PRODUCTS = {
        {"DRINK-SODA", "可乐", "330ml", "can", "box", "24", "2.5"},
        {"DRINK-SODA", "雪碧", "500ml", "bottle", "box", "24", "3.0"},
        {"DRINK-WATER", "矿泉水", "550ml", "bottle", "box", "24", "2.0"},
        {"DRINK-WATER", "苏打水", "350ml", "bottle", "box", "15", "4.5"},
        {"DRINK-TEA", "冰红茶", "500ml", "bottle", "box", "15", "3.5"},
        {"DRINK-TEA", "绿茶", "500ml", "bottle", "box", "15", "3.5"},
        {"SNACK-CHIPS", "薯片", "70g", "bag", "box", "22", "7.9"},
        {"SNACK-CHIPS", "虾条", "40g", "bag", "box", "30", "3.9"},
        {"SNACK-NUT", "每日坚果", "25g×7", "pack", "box", "12", "29.9"},
        {"SNACK-NUT", "开心果", "200g", "bag", "box", "20", "35.0"},
        {"GRAIN-OIL", "花生油", "5L", "bottle", "box", "4", "109.0"},
        {"GRAIN-OIL", "玉米油", "5L", "bottle", "box", "4", "69.9"},
        {"GRAIN-RICE", "东北大米", "10kg", "bag", "pack", "2", "59.0"},
        {"GRAIN-RICE", "高筋面粉", "5kg", "bag", "pack", "4", "32.0"},
        {"DAILY-WASH", "洗衣液", "2kg", "bottle", "box", "6", "39.9"},
        {"DAILY-WASH", "洗洁精", "1.5kg", "bottle", "box", "12", "15.9"}
    };
    private static final String[] BRANDS = {
        "康源", "绿野", "金穗", "海之蓝", "福满多", "晨光", "山泉", "百味", "优选", "鲜享", "乐家", "丰收", "禾香", "雪域", "悦活", "田园", "清源", "佳美",
        "嘉禾"
    };
    private static final int ITEM_COUNT = 304;
    private static final String[] REGIONS = {"华东", "华南", "华北", "华中", "西南"};
    private static final String[] SALESPEOPLE = {"张伟", "王芳", "李娜", "刘洋", "陈静"};

    private final boolean enabled;
    private final Companies companies;
    private final OrgUnits orgUnits;
    private final Warehouses warehouses;
    private final Categories categories;
    private final Items items;
    private final Partners partners;
    private final Users users;
    private final TransactionTemplate transactions;
    private final String adminPassword;
    private final Documents documentsService;
    private final Transfers transfers;
    private final org.openjxc.production.Boms boms;

    DemoData(
            @Value("${openjxc.demo:false}") boolean enabled,
            @Value("${openjxc.admin-password:}") String adminPassword,
            Companies companies,
            OrgUnits orgUnits,
            Warehouses warehouses,
            Categories categories,
            Items items,
            Partners partners,
            Users users,
            TransactionTemplate transactions,
            Documents documentsService,
            Transfers transfers,
            org.openjxc.production.Boms boms) {
        this.boms = boms;
        this.documentsService = documentsService;
        this.transfers = transfers;
        this.enabled = enabled;
        this.adminPassword = adminPassword;
        this.companies = companies;
        this.orgUnits = orgUnits;
        this.warehouses = warehouses;
        this.categories = categories;
        this.items = items;
        this.partners = partners;
        this.users = users;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        long company = companies.findByCode("DEFAULT").orElseThrow().id();
        var actor = new DemoActor(users.idOf("admin").orElse(0L), company, "admin");
        var authorities = java.util.Arrays.stream(Permission.values())
                .map(p -> new SimpleGrantedAuthority(p.name()))
                .toList();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, authorities));
        try {
            Boolean loaded = transactions.execute(tx -> {
                if (warehouses
                                .list(
                                        actor,
                                        org.openjxc.shared.MasterDataQuery.of("WH-SH", null),
                                        null,
                                        org.openjxc.shared.PageQuery.of(0, 1, null))
                                .total()
                        > 0) {
                    log.info("Demo company already loaded");
                    return false;
                }
                load(actor);
                return true;
            });
            if (Boolean.TRUE.equals(loaded)) {
                // Each document in its own transaction, as users post them: a refusal undoes only that one.
                documents(actor, new Random(20260123L), ITEM_COUNT);
                log.info("Demo documents posted");
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void load(Actor actor) {
        var random = new Random(20260122L);
        for (String[] store : STORES) {
            orgUnits.create(actor, new OrgUnitCommand(store[0], store[1], "HQ", true, null));
            String wh = "WH-" + store[0];
            warehouses.create(actor, new WarehouseCommand(wh, store[2], store[0], null, true, null));
            for (char zone = 'A'; zone <= 'C'; zone++) {
                for (int shelf = 1; shelf <= 4; shelf++) {
                    warehouses.createBin(
                            actor,
                            wh,
                            new BinCommand(zone + "-0" + shelf + "-01", zone + "区" + shelf + "号架", true, true, null));
                }
            }
            warehouses.createBin(actor, wh, new BinCommand("Z-01", "临期品专区", false, true, null));
            warehouses.createBin(actor, wh, new BinCommand("QC-01", "待检区", false, true, null));
        }
        for (String[] c : CATEGORIES) {
            categories.create(actor, new CategoryCommand(c[0], c[1], c[2], null));
        }
        List<String> suppliers = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            String code = String.format("S%03d", i);
            suppliers.add(code);
            partners.create(
                    actor,
                    new PartnerCommand(
                            code,
                            BRANDS[i % BRANDS.length] + "食品贸易有限公司",
                            PartnerType.SUPPLIER,
                            REGIONS[i % REGIONS.length],
                            null,
                            "联系人" + i,
                            "021-6" + (1000000 + i * 7919),
                            null,
                            "上海市",
                            null,
                            30,
                            null,
                            "91310000" + (10000000 + i),
                            "招商银行",
                            "6214" + (10000000 + i),
                            true,
                            null));
        }
        for (int i = 1; i <= 40; i++) {
            partners.create(
                    actor,
                    new PartnerCommand(
                            String.format("C%03d", i),
                            REGIONS[i % REGIONS.length] + (i % 3 == 0 ? "便利店" : "超市") + i + "号",
                            i % 10 == 0 ? PartnerType.BOTH : PartnerType.CUSTOMER,
                            REGIONS[i % REGIONS.length],
                            SALESPEOPLE[i % SALESPEOPLE.length],
                            "店长" + i,
                            "138" + (10000000 + i * 104729 % 90000000),
                            null,
                            null,
                            BigDecimal.valueOf(20000L + 5000L * (i % 8)),
                            i % 2 == 0 ? 30 : 15,
                            i % 4 == 0 ? "VIP" : "标准",
                            null,
                            null,
                            null,
                            true,
                            null));
        }
        int n = 0;
        for (String brand : BRANDS) {
            for (String[] p : PRODUCTS) {
                n++;
                BigDecimal sale = new BigDecimal(p[6])
                        .multiply(BigDecimal.valueOf(90 + random.nextInt(25)))
                        .divide(BigDecimal.valueOf(100), 1, RoundingMode.HALF_UP);
                BigDecimal cost = sale.multiply(BigDecimal.valueOf(65 + random.nextInt(15)))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                boolean perishable = p[0].startsWith("DRINK") || p[0].startsWith("SNACK");
                items.create(
                        actor,
                        new ItemCommand(
                                String.format("SKU-%04d", n),
                                brand + p[1],
                                p[2],
                                p[0],
                                p[3],
                                List.of(new UnitFactor(p[4], new BigDecimal(p[5]))),
                                List.of(ean13(n)),
                                ItemType.GOODS,
                                n % 7 == 0 ? CostMethod.FIFO : CostMethod.MOVING_AVERAGE,
                                perishable,
                                perishable ? 180 + random.nextInt(360) : null,
                                BigDecimal.valueOf(12L * (1 + random.nextInt(5))),
                                AbcClass.values()[Math.min(3, random.nextInt(6))],
                                suppliers.get(n % suppliers.size()),
                                cost,
                                sale,
                                new BigDecimal("0.13"),
                                null,
                                null,
                                true,
                                null));
            }
        }
        // A gift box sold as one item (组合商品): its two drinks leave stock when it is delivered.
        items.create(
                actor,
                new ItemCommand(
                        "GIFT-0001",
                        "节日礼盒（两瓶装）",
                        null,
                        null,
                        "box",
                        List.of(),
                        List.of(),
                        ItemType.KIT,
                        CostMethod.MOVING_AVERAGE,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        new BigDecimal("39.9"),
                        new BigDecimal("0.13"),
                        null,
                        null,
                        true,
                        null));
        boms.create(
                actor,
                new org.openjxc.production.BomCommand(
                        "GIFT-0001",
                        "V1",
                        org.openjxc.production.BomKind.KIT,
                        BigDecimal.ONE,
                        LocalDate.now().minusYears(1),
                        null,
                        null,
                        null,
                        null,
                        true,
                        "礼盒：两瓶饮料",
                        List.of(
                                new org.openjxc.production.BomCommand.Line(
                                        "SKU-0001", new BigDecimal("2"), null, false, null),
                                new org.openjxc.production.BomCommand.Line(
                                        "SKU-0002", BigDecimal.ONE, null, false, null))));
        String password = adminPassword == null || adminPassword.isBlank() ? randomPassword() : adminPassword;
        users.createSystemUser(actor.companyId(), "buyer", password, "采购员 王强", List.of(BuiltInRole.BUYER));
        users.createSystemUser(actor.companyId(), "clerk", password, "销售员 李娜", List.of(BuiltInRole.SALES_CLERK));
        users.createSystemUser(actor.companyId(), "keeper", password, "仓管员 赵磊", List.of(BuiltInRole.WAREHOUSE_CLERK));
        users.createSystemUser(actor.companyId(), "accountant", password, "会计 孙丽", List.of(BuiltInRole.ACCOUNTANT));
        log.info(
                "Demo company loaded: {} stores, {} items, 12 suppliers, 40 customers; users buyer, clerk, keeper and "
                        + "accountant share {}",
                STORES.length,
                n,
                adminPassword == null || adminPassword.isBlank() ? "the password " + password : "the admin password");
    }

    /**
     * About three months of stock documents, posted through the document engine like any user's:
     * weekly receipts into the head office warehouse, transfers to the stores (one still in
     * transit), daily issues, and a few documents left unposted for the dashboard to show.
     */
    private void documents(Actor actor, Random random, int itemCount) {
        LocalDate start = LocalDate.now().minusWeeks(13);
        for (int week = 0; week < 13; week++) {
            LocalDate monday = start.plusWeeks(week);
            List<LineCommand> receipt = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                int n = 1 + random.nextInt(itemCount);
                String[] product = PRODUCTS[(n - 1) % PRODUCTS.length];
                boolean perishable = product[0].startsWith("DRINK") || product[0].startsWith("SNACK");
                receipt.add(new LineCommand(
                        String.format("SKU-%04d", n),
                        BigDecimal.valueOf(2 + random.nextInt(6)),
                        product[4],
                        null,
                        "A-0" + (1 + random.nextInt(4)) + "-01",
                        null,
                        perishable ? "B" + monday.toString().replace("-", "") : null,
                        perishable ? monday.minusDays(10 + random.nextInt(20)) : null,
                        null,
                        null,
                        null,
                        null,
                        null));
            }
            post(
                    actor,
                    new DocumentCommand(
                            DocumentType.OTHER_INBOUND,
                            monday,
                            "WH-SH",
                            null,
                            null,
                            null,
                            "每周补货",
                            distinctItems(receipt),
                            null));
            for (String store : List.of("WH-NJ", "WH-HZ")) {
                List<LineCommand> transfer = receipt.stream()
                        .limit(8)
                        .map(l -> new LineCommand(
                                l.item(),
                                BigDecimal.valueOf(6 + random.nextInt(12)),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))
                        .toList();
                var doc = post(
                        actor,
                        new DocumentCommand(
                                DocumentType.TRANSFER,
                                monday.plusDays(1),
                                "WH-SH",
                                store,
                                null,
                                null,
                                "门店配货",
                                distinctItems(transfer),
                                null));
                if (doc != null && week < 12) {
                    transfers.receive(actor, doc.id(), List.of());
                }
            }
            for (int day = 0; day < 6; day++) {
                for (String wh : List.of("WH-SH", "WH-NJ", "WH-HZ")) {
                    List<LineCommand> issue = receipt.stream()
                            .skip(random.nextInt(20))
                            .limit(3)
                            .map(l -> new LineCommand(
                                    l.item(),
                                    BigDecimal.valueOf(1 + random.nextInt(4)),
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null))
                            .toList();
                    post(
                            actor,
                            new DocumentCommand(
                                    DocumentType.OTHER_OUTBOUND,
                                    monday.plusDays(day + 1),
                                    wh,
                                    null,
                                    null,
                                    null,
                                    "门店领用",
                                    distinctItems(issue),
                                    null));
                }
            }
        }
        // Left for people to find on the dashboard: a draft and a submitted document.
        documentsService.create(
                actor,
                new DocumentCommand(
                        DocumentType.OTHER_OUTBOUND,
                        LocalDate.now().minusDays(4),
                        "WH-NJ",
                        null,
                        null,
                        null,
                        "报损待确认",
                        List.of(new LineCommand(
                                "SKU-0003",
                                BigDecimal.ONE,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null)),
                        null));
        var submitted = documentsService.create(
                actor,
                new DocumentCommand(
                        DocumentType.STATUS_CHANGE,
                        LocalDate.now().minusDays(1),
                        "WH-SH",
                        null,
                        null,
                        null,
                        "抽检冻结",
                        List.of(new LineCommand(
                                "SKU-0005",
                                BigDecimal.valueOf(2),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                StockStatus.FROZEN,
                                StockStatus.AVAILABLE,
                                null,
                                null)),
                        null));
        documentsService.submit(actor, submitted.id(), null);
    }

    /** Posts a document; one that the stock cannot cover is left as a draft, as a clerk would. */
    private DocumentView post(Actor actor, DocumentCommand command) {
        if (command.lines().isEmpty()) {
            return null;
        }
        DocumentView doc = documentsService.create(actor, command);
        try {
            return documentsService.post(actor, doc.id(), null);
        } catch (BusinessException insufficient) {
            documentsService.delete(actor, doc.id(), null);
            return null;
        }
    }

    private static List<LineCommand> distinctItems(List<LineCommand> lines) {
        var seen = new java.util.HashSet<String>();
        return lines.stream().filter(l -> seen.add(l.item())).toList();
    }

    /** A valid EAN-13 in the range GS1 China hands out (690–699), check digit computed. */
    static String ean13(int n) {
        String body = "6920000" + String.format("%05d", n);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }

    private static String randomPassword() {
        var random = new SecureRandom();
        var sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }
}
