using GridGov.Features.Tickets.Duplicates;

namespace GridGov.Tests.Tickets;

// The problem concepts behind duplicate offers (problem-terms.txt): other words for one object meet,
// another object or fault at the same spot parts.
public class DuplicateTermsTests
{
    static string[] Names(string text) => [.. ProblemTerms.Of(text).Select(c => ProblemTerms.Get(c).Name)];

    [Fact]
    public void Other_words_for_one_manhole_name_the_same_thing_and_fault()
    {
        Assert.Equal(["井盖", "破损", "菜场"], Names("菜场门口马路上的铁盖子裂了"));
        Assert.Equal(["井盖", "破损"], Names("窨井盖碎了一块").Order());
        Assert.False(ProblemTerms.Contradict(ProblemTerms.Of("下水道盖子松了"), ProblemTerms.Of("污水井盖破损，踩上去晃动")));
    }

    [Fact]
    public void The_longest_word_wins_and_a_thing_followed_by_a_place_word_only_says_where()
    {
        Assert.Contains("井盖", Names("路灯井盖缺失"));
        Assert.DoesNotContain("路灯", Names("路灯井盖缺失"));
        Assert.Contains("水管", Names("北门地下水管爆了"));
        Assert.Equal(["垃圾"], Names("井盖旁边垃圾堆了好多").Where(n => ProblemTerms.Concepts.Single(c => c.Name == n).Kind == TermKind.Thing));
    }

    [Theory]
    [InlineData("菜场对面的路灯晚上不亮", "菜场对面路灯杆被车撞歪了")]   // one lamp, two faults
    [InlineData("路口红绿灯不亮了", "路口路灯不亮")]                 // two kinds of lamp
    [InlineData("垃圾桶盖子坏了，桶身也裂了", "垃圾桶被人偷走了一个")]
    [InlineData("奶茶店空调外机太低", "眼镜店空调外机低挂")]          // two shops
    public void Another_object_or_fault_contradicts(string a, string b) =>
        Assert.True(ProblemTerms.Contradict(ProblemTerms.Of(a), ProblemTerms.Of(b)));

    [Theory]
    [InlineData("后宰门街晚上灯不亮", "菜场对面的路灯晚上不亮")]      // 灯 covers 路灯
    [InlineData("共享单车乱停乱放，挡住了乘客", "共享自行车堆成一片")] // one mess
    public void A_broader_word_or_a_fault_of_the_same_family_does_not(string a, string b)
    {
        Assert.False(ProblemTerms.Contradict(ProblemTerms.Of(a), ProblemTerms.Of(b)));
        Assert.True(ProblemTerms.Similarity(ProblemTerms.Of(a), ProblemTerms.Of(b)) > 0);
    }
}
