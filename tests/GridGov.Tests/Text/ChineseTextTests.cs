using GridGov.Infrastructure.Text;

namespace GridGov.Tests.Text;

public class ChineseTextTests
{
    const string Manhole = "和平路12号门口井盖缺失，有安全隐患";
    const string ManholeAgain = "和平路１２号附近的井盖不见了，缺失很久了";
    const string Noise = "晚上十点后广场舞噪音扰民，请相关部门尽快处理";

    [Fact]
    public void Tokens_keep_the_words_that_say_what_is_wrong()
    {
        var tokens = ChineseText.Tokens(Manhole);

        Assert.Contains("井盖", tokens);
        Assert.Contains("缺失", tokens);
        Assert.Contains("安全隐患", tokens);
        // The compound's parts are there too, so 火灾隐患 elsewhere can still match on 隐患.
        Assert.Contains("隐患", tokens);
    }

    [Fact]
    public void Tokens_drop_stop_words_numbers_house_numbers_and_punctuation()
    {
        var tokens = ChineseText.Tokens(Manhole).Concat(ChineseText.Tokens("小区东门占道经营严重，影响通行。")).ToList();

        foreach (var dropped in new[] { "有", "严重", "影响", "12", "号", "12号", "，", "。" })
            Assert.DoesNotContain(dropped, tokens);
        Assert.All(tokens, t => Assert.False(string.IsNullOrWhiteSpace(t)));
    }

    [Fact]
    public void Governance_terms_stay_whole()
    {
        var tokens = ChineseText.Tokens("小区东门占道经营，3栋楼道有人飞线充电，共享单车乱停乱放");

        Assert.Contains("占道经营", tokens);
        Assert.Contains("飞线充电", tokens);
        Assert.Contains("共享单车", tokens);
        Assert.Contains("乱停乱放", tokens);
        Assert.DoesNotContain("栋", tokens);
    }

    [Fact]
    public void Tokens_are_lower_cased_deduplicated_and_full_width_numbers_dropped()
    {
        var tokens = ChineseText.Tokens("小区WiFi没信号，ＷＩＦＩ信号差，２３号楼");

        Assert.Single(tokens, "wifi");
        Assert.Single(tokens, "信号");
        Assert.DoesNotContain("23", tokens);
        Assert.DoesNotContain("号楼", tokens);
        Assert.Equal(tokens.Distinct().Count(), tokens.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("，。！？")]
    [InlineData("12号 3栋 401")]
    public void Tokens_of_text_without_words_are_empty(string text) => Assert.Empty(ChineseText.Tokens(text));

    [Fact]
    public void Two_reports_of_one_problem_score_higher_than_unrelated_ones()
    {
        var manhole = ChineseText.Tokens(Manhole);
        var again = ChineseText.Tokens(ManholeAgain);
        var noise = ChineseText.Tokens(Noise);

        var similar = TextSimilarity.Score(manhole, again);
        Assert.True(similar > 0.3, $"similar pair scored {similar}");
        Assert.True(similar > TextSimilarity.Score(manhole, noise));
        Assert.True(similar > TextSimilarity.Score(again, noise));
        Assert.Equal(0, TextSimilarity.Score(manhole, noise));
    }

    [Fact]
    public void Score_is_one_for_equal_sets_zero_for_disjoint_or_empty_and_symmetric()
    {
        string[] a = ["井盖", "缺失", "隐患"];
        string[] b = ["井盖", "松动"];

        Assert.Equal(1, TextSimilarity.Score(a, ["隐患", "井盖", "缺失", "井盖"]));
        Assert.Equal(0, TextSimilarity.Score(a, ["噪音"]));
        Assert.Equal(0, TextSimilarity.Score(a, []));
        Assert.Equal(0.4, TextSimilarity.Score(a, b), 10);
        Assert.Equal(TextSimilarity.Score(a, b), TextSimilarity.Score(b, a));
    }

    [Fact]
    public void Shared_lists_the_common_words_once_in_the_first_texts_order()
    {
        var shared = TextSimilarity.Shared(ChineseText.Tokens(Manhole), ChineseText.Tokens(ManholeAgain));

        Assert.Contains("井盖", shared);
        Assert.Contains("缺失", shared);
        Assert.DoesNotContain("隐患", shared);
        Assert.Equal(["b", "a"], TextSimilarity.Shared(["b", "x", "a", "b"], ["a", "b"]));
        Assert.Empty(TextSimilarity.Shared(ChineseText.Tokens(Manhole), ChineseText.Tokens(Noise)));
    }

    static TextClassifier<string> Trained()
    {
        var classifier = new TextClassifier<string>();
        (string Text, string Department)[] past =
        [
            ("小区东门占道经营，影响通行", "城管"),
            ("流动摊贩在路口摆摊卖水果", "城管"),
            ("楼顶违章搭建彩钢房", "城管"),
            ("电线杆上贴满小广告", "城管"),
            ("和平路井盖缺失", "市政"),
            ("路灯不亮，晚上很黑", "市政"),
            ("人行道地砖破损，容易绊倒", "市政"),
            ("下水道堵塞，污水外溢", "市政"),
            ("垃圾桶满溢无人清运", "环卫"),
            ("路边垃圾堆放好几天没人收", "环卫"),
            ("公厕很脏没人打扫", "环卫"),
            ("道路上有大量落叶和垃圾没人清扫", "环卫"),
        ];
        foreach (var (text, department) in past) classifier.Learn(ChineseText.Tokens(text), department);
        return classifier;
    }

    [Theory]
    [InlineData("解放路口有摊贩占道经营", "城管")]
    [InlineData("幸福小区门口井盖松动", "市政")]
    [InlineData("路灯坏了好几天", "市政")]
    [InlineData("垃圾没人清运，臭味很大", "环卫")]
    public void Classifier_suggests_the_department_that_handled_similar_tickets(string text, string department)
    {
        var suggestion = Trained().Suggest(ChineseText.Tokens(text));

        Assert.NotNull(suggestion);
        Assert.Equal(department, suggestion.Value.Label);
        // Three departments: anything above a third is more than a guess.
        Assert.InRange(suggestion.Value.Confidence, 0.4, 1);
    }

    [Fact]
    public void Classifier_suggests_nothing_without_a_model_or_known_words()
    {
        Assert.Null(new TextClassifier<string>().Suggest(["井盖"]));
        Assert.Null(Trained().Suggest(["完全陌生的词"]));
        Assert.Null(Trained().Suggest([]));
        Assert.Equal(12, Trained().Documents);
    }

    [Fact]
    public void Classifier_takes_any_label_type_and_learns_while_suggesting()
    {
        var classifier = new TextClassifier<int>();
        Parallel.For(0, 2000, i =>
        {
            classifier.Learn(i % 2 == 0 ? ["井盖", "缺失"] : ["垃圾", "清运"], i % 2);
            classifier.Suggest(["井盖"]);
        });

        Assert.Equal(2000, classifier.Documents);
        Assert.Equal(0, classifier.Suggest(["井盖"])?.Label);
        Assert.Equal(1, classifier.Suggest(["垃圾"])?.Label);
    }

    [Fact]
    public void Tokens_is_safe_in_parallel()
    {
        string[] texts = [Manhole, ManholeAgain, Noise, "小区东门占道经营严重，影响通行", "垃圾桶满溢无人清运，臭味很大"];
        var expected = texts.Select(t => string.Join("|", ChineseText.Tokens(t))).ToArray();
        var mismatches = 0;

        Parallel.For(0, 5000, i =>
        {
            if (string.Join("|", ChineseText.Tokens(texts[i % texts.Length])) != expected[i % texts.Length])
                Interlocked.Increment(ref mismatches);
        });

        Assert.Equal(0, mismatches);
    }
}
