// diff on small hand-written pairs of breakdowns: one case per kind of change an analyst asks
// about (reworded, split, merged, renamed unit, target raised or dropped, leader moved).
#include <catch2/catch.hpp>

#include <algorithm>

#include "cli_support.hpp"
#include "tasksplit/diff.hpp"

using namespace tasksplit;

namespace {

struct Spec {
    std::string text;
    std::vector<std::string> lead;
    std::vector<std::string> support;
    std::vector<Target> targets;
};

Target target(const std::string& indicator, const std::string& verb, double value, const std::string& measure,
              const std::string& bound = "") {
    Target t;
    t.indicator = indicator;
    t.verb = verb;
    t.value = value;
    t.measure = measure;
    t.bound = bound;
    t.text = indicator + verb;
    return t;
}

Unit unit(const std::string& name) { return Unit{name, name, "", "department"}; }

// One part; each section is a leader and its items, numbered from 1.
Document doc(int year, const std::vector<std::pair<std::string, std::vector<Spec>>>& sections) {
    static const char* labels[] = {"一", "二", "三", "四", "五"};
    Document d;
    d.source.path = std::to_string(year) + ".txt";
    d.document.year = year;
    Part part;
    part.id = "p1";
    part.kind = "key_tasks";
    int line = 1;
    for (std::size_t s = 0; s < sections.size(); ++s) {
        Section sec;
        sec.ordinal = static_cast<int>(s) + 1;
        sec.id = "p1.s" + std::to_string(sec.ordinal);
        sec.label = labels[s];
        sec.title = sections[s].first + "副区长牵头重点工作";
        sec.leader = Person{sections[s].first, "副区长"};
        for (const Spec& spec : sections[s].second) {
            Item it;
            it.number = std::to_string(sec.items.size() + 1);
            it.id = sec.id + ".i" + *it.number;
            it.text = spec.text;
            it.leader = sec.leader;
            for (const auto& u : spec.lead) it.lead.push_back(unit(u));
            for (const auto& u : spec.support) it.support.push_back(unit(u));
            it.targets = spec.targets;
            it.span.line = line += 2;
            sec.items.push_back(std::move(it));
        }
        part.sections.push_back(std::move(sec));
    }
    d.parts.push_back(std::move(part));
    return d;
}

const Pair* find_pair(const DiffResult& r, const std::string& old_ref, const std::string& new_ref) {
    for (const Pair& p : r.pairs)
        if (r.old_items[p.old_item].ref == old_ref && r.new_items[p.new_item].ref == new_ref) return &p;
    return nullptr;
}

std::vector<std::string> refs(const DiffResult& r, const std::vector<std::size_t>& which, bool old_side) {
    std::vector<std::string> out;
    for (std::size_t i : which) out.push_back((old_side ? r.old_items : r.new_items)[i].ref);
    return out;
}

const TargetChange* find_target(const std::vector<TargetChange>& rows, const std::string& indicator) {
    for (const TargetChange& t : rows)
        if (t.indicator == indicator) return &t;
    return nullptr;
}

// Background tasks both years share unchanged, so that word rarity is measured over more than the
// handful of tasks each case is about.
std::vector<Spec> background() {
    return {
        {"深入开展“八五”普法，着力提升公民法治素养。", {"区司法局"}, {}, {}},
        {"持续深化医共体建设，加强与长三角优质医院合作交流。", {"区卫健局"}, {}, {}},
        {"深化普惠托育基本公共服务省级试点建设，努力构建“15分钟托育服务圈”。", {"区卫健局"}, {}, {}},
        {"切实加强校园心理健康教育，打造区级心理辅导中心。", {"区教育局"}, {}, {}},
    };
}

const UnitAliases& registry() {
    static const UnitAliases aliases;
    return aliases;
}

}  // namespace

TEST_CASE("diff: identical documents are equal") {
    Document a = doc(2023, {{"余舟", background()}});
    DiffResult r = diff_documents(a, a, registry());
    CHECK(r.equal());
    REQUIRE(r.pairs.size() == 4);
    for (const Pair& p : r.pairs) CHECK(p.strength == Strength::same);
    CHECK(r.added.empty());
    CHECK(r.dropped.empty());
}

TEST_CASE("diff: a notice that repeats one task thirty times is equal to itself") {
    std::vector<Spec> items(30, Spec{"各镇街按要求做好相关工作。", {"各镇街"}, {}, {}});
    Document a = doc(2023, {{"余舟", items}});
    DiffResult r = diff_documents(a, a, registry());
    CHECK(r.equal());
    REQUIRE(r.pairs.size() == 30);
    for (const Pair& p : r.pairs) CHECK(p.old_item == p.new_item);
}

TEST_CASE("diff: a reworded task is continued, with a readable text diff") {
    auto old_items = background();
    old_items.push_back({"推动水产加工业向高端延伸，重点建设远洋渔业小镇精深加工园，加快实施中水金枪鱼加工研发中心等项目。",
                         {"干览镇"}, {}, {}});
    auto new_items = background();
    new_items.push_back({"深入推进远洋渔业小镇建设，加快实施中水金枪鱼研发中心等项目，支持大洋世家等龙头企业向精深加工领域延伸拓展。",
                         {"区经信局"}, {"干览镇"}, {}});
    DiffResult r = diff_documents(doc(2023, {{"余舟", old_items}}), doc(2024, {{"余舟", new_items}}), registry());
    const Pair* p = find_pair(r, "一.5", "一.5");
    REQUIRE(p);
    CHECK(p->strength == Strength::continued);
    CHECK(p->kind == PairKind::one_to_one);
    CHECK(p->changes.lead_added == std::vector<std::string>{"区经信局"});
    CHECK(p->changes.lead_removed == std::vector<std::string>{"干览镇"});
    CHECK(p->changes.support_added == std::vector<std::string>{"干览镇"});
    // The shared name survives as one unchanged run.
    bool kept = std::any_of(p->changes.text.begin(), p->changes.text.end(), [](const TextEdit& e) {
        return e.op == '=' && e.text.find("远洋渔业小镇") != std::string::npos;
    });
    CHECK(kept);
    CHECK_FALSE(r.equal());
}

TEST_CASE("diff: a task split into three is reported as a split") {
    auto old_items = background();
    old_items.push_back({"地区生产总值增长 5%；一般公共预算收入增长 8%；城乡常住居民人均可支配收入与经济增长基本同步。",
                         {"区发改局"}, {"区财政局"},
                         {target("地区生产总值", "增长", 5, "%"), target("一般公共预算收入", "增长", 8, "%")}});
    auto new_items = background();
    new_items.push_back({"一般公共预算收入增长 5%。", {"区财政局"}, {}, {target("一般公共预算收入", "增长", 5, "%")}});
    new_items.push_back({"地区生产总值增长 5%；固定资产投资增长 20%。", {"区发改局"}, {},
                         {target("地区生产总值", "增长", 5, "%"), target("固定资产投资", "增长", 20, "%")}});
    new_items.push_back({"城乡常住居民人均可支配收入与经济增长同步。", {"区发改局"}, {}, {}});
    DiffResult r = diff_documents(doc(2023, {{"夏泉", old_items}}), doc(2024, {{"夏泉", new_items}}), registry());
    REQUIRE(r.splits.size() == 1);
    CHECK(r.old_items[r.splits[0].old_item].ref == "一.5");
    CHECK(refs(r, r.splits[0].new_items, false) == std::vector<std::string>{"一.5", "一.6", "一.7"});
    for (const char* part : {"一.5", "一.6", "一.7"}) {
        const Pair* p = find_pair(r, "一.5", part);
        REQUIRE(p);
        CHECK(p->kind == PairKind::split);
        CHECK(p->strength != Strength::related);
    }
    // The budget target moved to the first part and was lowered.
    const Pair* budget = find_pair(r, "一.5", "一.5");
    const TargetChange* t = find_target(budget->changes.targets, "一般公共预算收入");
    REQUIRE(t);
    CHECK(t->change == "lowered");
    CHECK(t->old_side->target.value == 8);
    CHECK(t->new_side->target.value == 5);
}

TEST_CASE("diff: two tasks merged into one are reported as a merge") {
    auto old_items = background();
    old_items.push_back({"建成交付蔡家墩、邬家塘等安置小区4个，推进机场路、义桥等7个安置项目建设。", {"区城市更新中心"}, {}, {}});
    old_items.push_back({"持续推进城市道路改造建设，系统提升文化路、东河北路等道路28条，同步建设雨污管网16.8公里。",
                         {"区综合行政执法局"}, {}, {target("雨污管网", "建设", 16.8, "公里")}});
    auto new_items = background();
    new_items.push_back({"持续推进城市有机更新，建成交付工农路等安置小区4个，系统提升环城东路等城区道路，同步建设雨污管网10公里。",
                         {"区城市更新中心"}, {}, {target("雨污管网", "建设", 10, "公里")}});
    DiffResult r = diff_documents(doc(2023, {{"朱朝辉", old_items}}), doc(2024, {{"朱朝辉", new_items}}), registry());
    REQUIRE(r.merges.size() == 1);
    CHECK(refs(r, r.merges[0].old_items, true) == std::vector<std::string>{"一.5", "一.6"});
    CHECK(r.new_items[r.merges[0].new_item].ref == "一.5");
    CHECK(r.dropped.empty());
    const TargetChange* t = find_target(r.targets, "雨污管网");
    REQUIRE(t);
    CHECK(t->change == "lowered");
}

TEST_CASE("diff: two tasks that each restate one old task in parallel are a split") {
    auto old_items = background();
    old_items.push_back({"强化民生兜底保障，持续推进社保精准扩面。", {"区民政局"}, {"区人社局"}, {}});
    auto new_items = background();
    new_items.push_back({"加强民生兜底保障，推进养老保险、失业保险全民参保行动。", {"区人力社保局"}, {}, {}});
    new_items.push_back({"加强民生兜底保障，推进医疗保险全民参保行动。", {"区医保分局"}, {}, {}});
    DiffResult r = diff_documents(doc(2023, {{"刘烈", old_items}}), doc(2024, {{"刘烈", new_items}}), registry());
    // The second part covers nothing of the old task that the first did not: it joins on its own score.
    REQUIRE(r.splits.size() == 1);
    CHECK(refs(r, r.splits[0].new_items, false) == std::vector<std::string>{"一.5", "一.6"});
    for (const char* part : {"一.5", "一.6"}) {
        const Pair* p = find_pair(r, "一.5", part);
        REQUIRE(p);
        CHECK(p->strength == Strength::continued);
    }
    CHECK(r.added.empty());
}

TEST_CASE("diff: a short restatement no other task comes near is continued; with a rival old task, both merge into it") {
    auto old_items = background();
    old_items.push_back({"加快实施区域碳达峰碳中和行动，建成分布式光伏发电项目，加快建立企业“碳账户”。",
                         {"区发改局"}, {"市生态环境局定海分局"}, {}});
    auto new_items = background();
    new_items.push_back({"积极推进碳达峰碳中和。", {"区发改局"}, {"市生态环境局定海分局"}, {}});
    {
        DiffResult r = diff_documents(doc(2023, {{"夏泉", old_items}}), doc(2024, {{"夏泉", new_items}}), registry());
        const Pair* p = find_pair(r, "一.5", "一.5");
        REQUIRE(p);
        // Cosine between a long and a short text stays low; the pair is continued as a clear choice.
        CHECK(p->score < 0.27);
        CHECK(p->strength == Strength::continued);
    }
    // Another old task about the same goal: the restatement is the best candidate of both, a merge.
    old_items.push_back({"统筹推进碳达峰碳中和与公共机构节能降耗，建设节约型机关，推广新能源公务用车，开展垃圾分类示范单位创建。", {"区机关事务中心"}, {}, {}});
    DiffResult r = diff_documents(doc(2023, {{"夏泉", old_items}}), doc(2024, {{"夏泉", new_items}}), registry());
    auto links = std::count_if(r.pairs.begin(), r.pairs.end(), [&r](const Pair& p) {
        return r.new_items[p.new_item].ref == "一.5";
    });
    CHECK(links == 2);
    REQUIRE(r.merges.size() == 1);
    CHECK(refs(r, r.merges[0].old_items, true) == std::vector<std::string>{"一.5", "一.6"});
    CHECK(r.dropped.empty());
}

TEST_CASE("diff: a renamed unit is the same body, not a change of lead") {
    auto old_items = background();
    old_items.push_back({"全力帮扶高校毕业生、退役军人等重点群体就业创业，设置低收入农渔户公益性岗位100个以上。",
                         {"区人社局"}, {"区农业农村局"}, {}});
    auto new_items = background();
    new_items.push_back({"打造高校毕业生、退役军人等重点群体订单就业模式，设置低收入农户公益性岗位150个以上。",
                         {"区人力社保局"}, {"区农业农村局"}, {}});
    // The built-in registry keeps general aliases only; this rename comes from an --aliases file.
    tasksplit::test::Scratch scratch;
    UnitAliases aliases;
    aliases.add_file(scratch.file("aliases.yaml", "aliases:\n  区人力社保局: [区人社局]\n"));
    DiffResult r = diff_documents(doc(2023, {{"刘烈", old_items}}), doc(2024, {{"刘烈", new_items}}), aliases);
    const Pair* p = find_pair(r, "一.5", "一.5");
    REQUIRE(p);
    CHECK(p->changes.lead_added.empty());
    CHECK(p->changes.lead_removed.empty());
    REQUIRE(p->changes.renamed.size() == 1);
    CHECK(p->changes.renamed[0].old_name == "区人社局");
    CHECK(p->changes.renamed[0].new_name == "区人力社保局");
    auto row = std::find_if(r.units.begin(), r.units.end(), [](const UnitLoad& u) { return u.name == "区人力社保局"; });
    REQUIRE(row != r.units.end());
    CHECK(row->old_led == 1);
    CHECK(row->new_led == 1);
    CHECK(row->old_names == std::vector<std::string>{"区人社局"});
    CHECK(r.rename_suggestions.empty());
}

TEST_CASE("diff: a rename the registry does not know is suggested from the alignment") {
    auto old_items = background();
    old_items.push_back({"加快建设鸦片战争遗址公园，不断扩大品牌影响力。", {"区甲建设指挥部"}, {}, {}});
    old_items.push_back({"启动实施海滨公园提升工程，谋划改造港务广场。", {"区甲建设指挥部"}, {}, {}});
    auto new_items = background();
    new_items.push_back({"加快建设鸦片战争遗址公园，持续扩大品牌影响力。", {"区乙发展中心"}, {}, {}});
    new_items.push_back({"全面实施海滨公园提升工程，改造港务广场。", {"区乙发展中心"}, {}, {}});
    DiffResult r = diff_documents(doc(2023, {{"余舟", old_items}}), doc(2024, {{"余舟", new_items}}), registry());
    REQUIRE(r.rename_suggestions.size() == 1);
    CHECK(r.rename_suggestions[0].old_name == "区甲建设指挥部");
    CHECK(r.rename_suggestions[0].new_name == "区乙发展中心");
    CHECK(r.rename_suggestions[0].pairs == 2);
}

TEST_CASE("diff: a raised target and a dropped target") {
    auto old_items = background();
    old_items.push_back({"新增保障性租赁住房993套，完成老旧小区住宅改造45幢。", {"区住建局"}, {},
                         {target("保障性租赁住房", "新增", 993, "套"), target("老旧小区住宅改造", "完成", 45, "幢")}});
    auto new_items = background();
    new_items.push_back({"筹建保障性租赁住房1122套。", {"区住建局"}, {}, {target("保障性租赁住房", "筹建", 1122, "套")}});
    DiffResult r = diff_documents(doc(2023, {{"朱朝辉", old_items}}), doc(2024, {{"朱朝辉", new_items}}), registry());
    const Pair* p = find_pair(r, "一.5", "一.5");
    REQUIRE(p);
    const TargetChange* housing = find_target(p->changes.targets, "保障性租赁住房");
    REQUIRE(housing);
    CHECK(housing->change == "raised");
    const TargetChange* renovation = find_target(p->changes.targets, "老旧小区住宅改造");
    REQUIRE(renovation);
    CHECK(renovation->change == "dropped");
    CHECK_FALSE(renovation->new_side);
}

TEST_CASE("diff: targets are compared by indicator across unpaired tasks") {
    auto old_items = background();
    old_items.push_back({"坚持稳中求进，一般公共预算收入增长 8%，努力实现经济质的有效提升和量的合理增长。", {"区发改局"}, {},
                         {target("一般公共预算收入", "增长", 8, "%")}});
    auto new_items = background();
    new_items.push_back({"一般公共预算收入增长 5%。", {"区财政局"}, {}, {target("一般公共预算收入", "增长", 5, "%")}});
    // Two unrelated tasks that both count roads.
    old_items.push_back({"实施城区背街小巷整治行动。", {"区住建局"}, {}, {target("道路", "提升", 28, "条")}});
    new_items.push_back({"结合森林消防通道建设推进乡村通达工程。", {"区交通运输局"}, {}, {target("道路", "提升", 24, "条")}});
    DiffResult r = diff_documents(doc(2023, {{"夏泉", old_items}}), doc(2024, {{"孙丹燕", new_items}}), registry());
    const TargetChange* t = find_target(r.targets, "一般公共预算收入");
    REQUIRE(t);
    REQUIRE(t->old_side);
    REQUIRE(t->new_side);
    CHECK(t->change == "lowered");
    // A two-character indicator is too generic to match outside a pair.
    auto roads = std::count_if(r.targets.begin(), r.targets.end(), [](const TargetChange& c) {
        return c.indicator == "道路" && c.old_side && c.new_side;
    });
    CHECK(roads == 0);
}

TEST_CASE("diff: a task that moved to another leader") {
    auto old_items = background();
    std::vector<Spec> police = {{"常态化开展扫黑除恶斗争，深入推进“公安大脑”及配套视频监控网络建设，依法严厉查处电信诈骗等违法犯罪行为。",
                                 {"区公安分局"}, {"区委政法委"}, {}}};
    auto new_items = background();
    std::vector<Spec> police_new = {{"常态化推进扫黑除恶，充分发挥“公安大脑”作用，坚决防范打击电信网络诈骗等违法犯罪行为。",
                                     {"区公安分局"}, {}, {}}};
    DiffResult r = diff_documents(doc(2023, {{"余舟", old_items}, {"丁伟民", police}}),
                                  doc(2024, {{"余舟", new_items}, {"丁世杰", police_new}}), registry());
    const Pair* p = find_pair(r, "二.1", "二.1");
    REQUIRE(p);
    CHECK(p->strength == Strength::continued);
    CHECK(p->changes.leader_changed);
    CHECK(p->changes.section_changed);
    CHECK(p->changes.support_removed == std::vector<std::string>{"区委政法委"});
    auto leader = [&r](const std::string& name) {
        return *std::find_if(r.leaders.begin(), r.leaders.end(), [&](const LeaderPortfolio& l) { return l.name == name; });
    };
    CHECK(leader("丁伟民").old_items == 1);
    CHECK(leader("丁伟民").new_items == 0);
    CHECK(leader("丁伟民").moved_out == std::vector<std::pair<std::string, int>>{{"丁世杰", 1}});
    CHECK(leader("丁世杰").moved_in == std::vector<std::pair<std::string, int>>{{"丁伟民", 1}});
    CHECK(leader("丁世杰").units_gained == std::vector<std::string>{"区公安分局"});
}

TEST_CASE("diff: added and dropped tasks") {
    auto old_items = background();
    old_items.push_back({"有序优化疫情防控政策措施，持续加强定点医院、发热门诊诊疗能力。", {"区防控办"}, {}, {}});
    auto new_items = background();
    new_items.push_back({"举办“定有好市”特色市集，组织开展文化雅集、非遗市集、文创市集等活动。", {"区文广旅体局"}, {}, {}});
    DiffResult r = diff_documents(doc(2023, {{"余舟", old_items}}), doc(2024, {{"余舟", new_items}}), registry());
    CHECK(refs(r, r.dropped, true) == std::vector<std::string>{"一.5"});
    CHECK(refs(r, r.added, false) == std::vector<std::string>{"一.5"});
    CHECK_FALSE(r.equal());
}

TEST_CASE("diff_text: figures, whitespace and phrases") {
    auto ops = [](const std::vector<TextEdit>& edits) {
        std::string out;
        for (const auto& e : edits) out += std::string(1, e.op) + e.text + "|";
        return out;
    };
    // A figure with its % is one token: replaced whole.
    CHECK(ops(diff_text("一般公共预算收入增长 8%", "一般公共预算收入增长5%")) == "=一般公共预算收入增长|-8%|+5%|");
    // Numbers are never cut inside: 2750 -> 2900 is not "2[-750-]{+900+}".
    CHECK(ops(diff_text("粮食中转量 2750 万吨", "粮食中转量 2900 万吨")) == "=粮食中转量|-2750|+2900|=万吨|");
    CHECK(ops(diff_text("雨污管网16.8公里", "雨污管网10公里")) == "=雨污管网|-16.8|+10|=公里|");
    CHECK(ops(diff_text("全 面 提 升", "全面提升")) == "=全面提升|");
    CHECK(ops(diff_text("", "新增")) == "+新增|");
    // Reworded phrases are replaced whole, not shredded into shared single characters.
    for (const TextEdit& e : diff_text("深化节约型机关建设，严格控制一般性支出。", "坚持政府过紧日子，压减一般性支出。"))
        if (e.op == '=') CHECK(e.text.size() > 3);
}

TEST_CASE("diff: JSON report shape") {
    DiffResult r = diff_documents(doc(2023, {{"余舟", background()}}), doc(2024, {{"余舟", background()}}), registry());
    auto j = diff_to_json(r);
    for (const char* key : {"format", "old", "new", "equal", "pairs", "added", "dropped", "splits", "merges", "summary",
                            "rename_suggestions"})
        CHECK(j.contains(key));
    for (const char* key : {"counts", "targets", "units", "renames", "leaders"}) CHECK(j["summary"].contains(key));
    const auto& pair = j["pairs"][0];
    for (const char* key : {"id", "line", "number", "text"}) CHECK(pair["old"].contains(key));
    for (const char* key : {"text_diff", "lead_added", "lead_removed", "support_added", "support_removed", "targets"})
        CHECK(pair["changes"].contains(key));
    CHECK(pair["strength"] == "same");
    CHECK(j["equal"] == true);
}

// ---- issue #23: one case per mechanism --------------------------------------------------------

TEST_CASE("diff anchors: a name quoted in one task of each year pairs them however the wording changed") {
    auto old_items = background();
    old_items.push_back({"高标准推进“渔光互补”示范工程，谋划滩涂光伏项目布局。", {"区发改局"}, {}, {}});
    auto new_items = background();
    new_items.push_back({"深化“渔光互补”共富实践，带动沿海渔村集体增收。", {"区农业农村局"}, {}, {}});
    DiffResult r = diff_documents(doc(2023, {{"余舟", old_items}}), doc(2024, {{"余舟", new_items}}), registry());
    const Pair* p = find_pair(r, "一.5", "一.5");
    REQUIRE(p);
    CHECK(p->evidence.anchors == std::vector<std::string>{"渔光互补"});
    CHECK(p->strength == Strength::continued);

    // Named in two new tasks, the name is no anchor: it does not say which one continues the old task.
    new_items.push_back({"总结推广“渔光互补”经验。", {"区发改局"}, {}, {}});
    r = diff_documents(doc(2023, {{"余舟", old_items}}), doc(2024, {{"余舟", new_items}}), registry());
    for (const Pair& q : r.pairs)
        if (r.old_items[q.old_item].ref == "一.5") CHECK(q.evidence.anchors.empty());
}

TEST_CASE("diff containment: a one-liner continued inside a long task of the other year") {
    auto old_items = background();
    old_items.push_back({"推进客运班线公交化改造。", {"区交通运输局"}, {}, {}});
    auto new_items = background();
    new_items.push_back({"统筹推进海岛公路提质改造，完成农村公路养护工程，实施渡口码头安全提升，推进客运班线公交化改造，"
                         "优化城乡公交线网布局。",
                         {"区交通运输局"}, {}, {}});
    DiffResult r = diff_documents(doc(2023, {{"朱朝辉", old_items}}), doc(2024, {{"朱朝辉", new_items}}), registry());
    const Pair* p = find_pair(r, "一.5", "一.5");
    REQUIRE(p);
    CHECK(p->evidence.containment > 0.8);
    CHECK(p->strength == Strength::continued);
    CHECK(r.dropped.empty());
}

TEST_CASE("diff many-to-many: one old task split while another joins one of its parts") {
    auto old_items = background();
    old_items.push_back({"加快建设滨海绿道二期，新建绿道驿站三处，配套公共自行车租赁点。", {"区住建局"}, {}, {}});
    old_items.push_back({"推进沿线夜间亮化。", {"区综合行政执法局"}, {}, {}});
    auto new_items = background();
    new_items.push_back({"建成滨海绿道二期，新建绿道驿站，完善沿线夜间亮化。", {"区住建局"}, {}, {}});
    new_items.push_back({"配套公共自行车租赁点。", {"区住建局"}, {}, {}});
    DiffResult r = diff_documents(doc(2023, {{"朱朝辉", old_items}}), doc(2024, {{"朱朝辉", new_items}}), registry());
    REQUIRE(find_pair(r, "一.5", "一.5"));
    REQUIRE(find_pair(r, "一.5", "一.6"));
    REQUIRE(find_pair(r, "一.6", "一.5"));
    CHECK(find_pair(r, "一.5", "一.6")->kind == PairKind::split);
    REQUIRE(r.splits.size() == 1);
    REQUIRE(r.merges.size() == 1);
    CHECK(refs(r, r.merges[0].old_items, true) == std::vector<std::string>{"一.5", "一.6"});
    // Each link says why it was made.
    for (const Pair& p : r.pairs) CHECK(p.evidence.containment > 0);
    CHECK(find_pair(r, "一.5", "一.6")->evidence.shared_units == std::vector<std::string>{"区住建局"});
    CHECK(r.dropped.empty());
    CHECK(r.added.empty());
}

TEST_CASE("diff typo folding: a quoted name misspelt once reads as its usual spelling") {
    auto old_items = background();
    old_items.push_back({"谋划实施“青屿”文化生态共富工程，串联沿线古村落。", {"区农业农村局"}, {}, {}});
    auto with = [&](const std::string& name) {
        auto new_items = background();
        new_items.push_back({"深化“青屿”文化生态共富工程，打造海岛文化长廊。", {"区农业农村局"}, {}, {}});
        new_items.push_back({"深化“" + name + "”文化生态共富工程，新建沿线观景平台。", {"区农业农村局"}, {}, {}});
        return diff_documents(doc(2023, {{"王其锋", old_items}}), doc(2024, {{"王其锋", new_items}}), registry());
    };
    DiffResult typo = with("青峪"), right = with("青屿");
    const Pair* a = find_pair(typo, "一.5", "一.6");
    const Pair* b = find_pair(right, "一.5", "一.6");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->score == Approx(b->score));
    // The printed text keeps the typo.
    CHECK(typo.new_items[5].text.find("青峪") != std::string::npos);
}

TEST_CASE("diff synonyms: a programme under its successor's name is the same task") {
    auto old_items = background();
    old_items.push_back({"持续打好污染防治攻坚战。", {"市生态环境局定海分局"}, {}, {}});
    auto new_items = background();
    new_items.push_back({"打好乡村振兴组合拳。", {"区农业农村局"}, {}, {}});
    new_items.push_back({"坚决打好蓝天碧水清废净土保卫战。", {"区水利局"}, {}, {}});
    DiffResult r = diff_documents(doc(2023, {{"刘奋伟", old_items}}), doc(2024, {{"刘奋伟", new_items}}), registry());
    REQUIRE(find_pair(r, "一.5", "一.6"));
    CHECK_FALSE(find_pair(r, "一.5", "一.5"));
}

TEST_CASE("diff rename discovery: one paired task and a mostly shared name make a suggestion, with its evidence") {
    auto old_items = background();
    old_items.push_back({"拓展提升港航物流服务，培育航运服务企业。", {"区港航发展中心"}, {}, {}});
    old_items.push_back({"推进海岛文化驿站建设。", {"区甲建设指挥部"}, {}, {}});
    auto new_items = background();
    new_items.push_back({"拓展提升港航物流服务，招引航运服务企业。", {"区港航事业发展中心"}, {}, {}});
    new_items.push_back({"推进海岛文化驿站提升。", {"区乙服务中心"}, {}, {}});
    DiffResult r = diff_documents(doc(2023, {{"朱朝辉", old_items}}), doc(2024, {{"朱朝辉", new_items}}), registry());
    REQUIRE(r.rename_suggestions.size() == 1);
    const RenameSuggestion& s = r.rename_suggestions[0];
    CHECK(s.old_name == "区港航发展中心");
    CHECK(s.new_name == "区港航事业发展中心");
    CHECK(s.pairs == 1);
    CHECK(s.similarity > 0.8);
    REQUIRE(s.evidence.size() == 1);
    CHECK(r.old_items[s.evidence[0].first].ref == "一.5");
    // 区甲建设指挥部 -> 区乙服务中心: one task and names with little in common are not enough.
}

TEST_CASE("diff targets: another indicator is not lowered; another scope and a dropped figure say so") {
    auto old_items = background();
    old_items.push_back({"实现数字经济核心产业增加值增长 10%，培育工业互联网平台。", {"区经信局"}, {},
                         {target("数字经济核心产业增加值", "增长", 10, "%")}});
    old_items.push_back({"深化粮食产业园建设，粮食中转量 2750 万吨。", {"定海工业园区"}, {},
                         {target("粮食中转量", "达到", 2750, "万吨")}});
    old_items.push_back({"深入推进服务业发展三年行动，服务业增加值增长 5%。", {"区发改局"}, {},
                         {target("服务业增加值", "增长", 5, "%")}});
    auto new_items = background();
    new_items.push_back({"实现数字经济核心产业规上营收增长 5%，培育工业互联网平台。", {"区经信局"}, {},
                         {target("数字经济核心产业规上营收", "增长", 5, "%")}});
    new_items.push_back({"深化粮食产业园建设，进口粮食中转量 2900 万吨。", {"定海工业园区"}, {},
                         {target("进口粮食中转量", "达到", 2900, "万吨")}});
    new_items.push_back({"深入推进服务业发展，攻坚提升服务业增加值等核心指标。", {"区发改局"}, {}, {}});
    DiffResult r = diff_documents(doc(2023, {{"刘世君", old_items}}), doc(2024, {{"刘世君", new_items}}), registry());
    // 增加值 -> 营收: one target dropped, one added, each naming the other.
    const TargetChange* value_added = find_target(r.targets, "数字经济核心产业增加值");
    const TargetChange* revenue = find_target(r.targets, "数字经济核心产业规上营收");
    REQUIRE(value_added);
    REQUIRE(revenue);
    CHECK(value_added->change == "dropped");
    CHECK(value_added->kind == "indicator_changed");
    CHECK(value_added->counterpart == "数字经济核心产业规上营收");
    CHECK(revenue->change == "added");
    CHECK(revenue->kind == "indicator_changed");
    const TargetChange* grain = find_target(r.targets, "进口粮食中转量");
    REQUIRE(grain);
    CHECK(grain->change == "raised");
    CHECK(grain->kind == "scope_changed");
    const TargetChange* services = find_target(r.targets, "服务业增加值");
    REQUIRE(services);
    CHECK(services->change == "dropped");
    CHECK(services->kind == "figure_dropped");
}

TEST_CASE("diff leaders: work that changed hands is one move with its tasks") {
    std::vector<Spec> rural = {
        {"全力建设海岛乡村共富单元，创建未来乡村三个。", {"区农业农村局"}, {}, {}},
        {"深入开展强村富民行动，壮大村级集体经济。", {"区农业农村局"}, {}, {}},
        {"高质量编制新一轮村庄规划。", {"区农业农村局"}, {}, {}},
    };
    std::vector<Spec> rural_new = {
        {"全力建设海岛乡村共富单元，打造未来乡村五个。", {"区农业农村局"}, {}, {}},
        {"推进强村富民集成改革，壮大村级集体经济。", {"区农业农村局"}, {}, {}},
        {"实现村庄规划编制全覆盖。", {"区农业农村局"}, {}, {}},
    };
    DiffResult r = diff_documents(doc(2023, {{"余舟", background()}, {"甲副区长", rural}}),
                                  doc(2024, {{"余舟", background()}, {"乙副区长", rural_new}}), registry());
    REQUIRE(r.leader_moves.size() == 1);
    CHECK(r.leader_moves[0].from == "甲副区长");
    CHECK(r.leader_moves[0].to == "乙副区长");
    CHECK(r.leader_moves[0].old_tasks == 3);
    CHECK(r.leader_moves[0].new_tasks == 3);
    CHECK(r.leader_moves[0].pairs.size() == 3);
    auto leader = [&r](const std::string& name) {
        return *std::find_if(r.leaders.begin(), r.leaders.end(), [&](const LeaderPortfolio& l) { return l.name == name; });
    };
    CHECK(leader("甲副区长").moved_out == std::vector<std::pair<std::string, int>>{{"乙副区长", 3}});
}

TEST_CASE("diff: a dropped task names its nearest candidate") {
    auto old_items = background();
    old_items.push_back({"有序优化疫情防控政策措施，加强定点医院发热门诊诊疗能力。", {"区卫健局"}, {}, {}});
    DiffResult r = diff_documents(doc(2023, {{"刘奋伟", old_items}}), doc(2024, {{"刘奋伟", background()}}), registry());
    REQUIRE(r.dropped.size() == 1);
    REQUIRE(r.dropped_nearest.size() == 1);
    REQUIRE(r.dropped_nearest[0].item);
    // 医院 is all it shares with the 2024 hospital-cooperation task: nearest, and far.
    CHECK(r.new_items[*r.dropped_nearest[0].item].ref == "一.2");
    CHECK(r.dropped_nearest[0].score > 0);
    CHECK(r.dropped_nearest[0].score < 0.16);
}
