using Microsoft.Playwright;

namespace GridGov.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class TicketSettingsTests(BrowserApp app)
{
    [Fact]
    public async Task The_district_admin_adds_a_dispatch_rule_and_sees_the_calendar_and_the_flow()
    {
        var page = await app.LoginAsync("district");
        await BrowserApp.OpenAsync(page, "/tickets/settings");
        await page.ClickAsync("#rule-new");
        await page.FillAsync("#r-name", "夜间噪声派环保");
        // Only noise complaints: other tests accept tickets in this district and expect no rule to take them.
        await page.FillAsync("#r-keywords", "噪音,噪声");
        await page.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        // No department chosen: the form says so and keeps the rule unsaved.
        await Assertions.Expect(page.Locator("#rule-form .gg-field-message")).ToContainTextAsync("请选择派往的部门");
        var field = page.Locator("#rule-form .gg-field", new() { Has = page.Locator(".gg-field-label", new() { HasTextString = "派往部门" }) });
        var option = page.Locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", new() { HasTextString = "生态环境局" }).First;
        for (var i = 0; i < 5 && !await option.IsVisibleAsync(); i++)
        {
            await field.Locator(".ant-select-selector").ClickAsync();
            await page.Keyboard.TypeAsync("生态环境");
            try { await option.WaitForAsync(new() { Timeout = 3000 }); } catch (TimeoutException) { }
        }
        await option.ClickAsync();
        await page.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator("#rules-table")).ToContainTextAsync("夜间噪声派环保");
        await Assertions.Expect(page.Locator("#rules-table")).ToContainTextAsync("噪音,噪声");
        await BrowserApp.ShotAsync(page, "ticket-settings-rules");

        await page.GetByRole(AriaRole.Tab, new() { Name = "工作日历" }).ClickAsync();
        await Assertions.Expect(page.Locator("#calendar-table")).ToContainTextAsync("国庆节");
        await BrowserApp.ShotAsync(page, "ticket-settings-calendar");

        await BrowserApp.OpenAsync(page, "/tickets/flow");
        await Assertions.Expect(page.Locator("#flow-page")).ToHaveAttributeAsync("data-ready", "1");
        await Assertions.Expect(page.Locator("#flow-page")).ToContainTextAsync("待核查");
        await BrowserApp.ShotAsync(page, "ticket-flow");
    }
}
