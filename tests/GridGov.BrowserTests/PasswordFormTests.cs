using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// A refused password change keeps what the user typed, names the field, and the message goes once
// that field changes.
[Collection(BrowserCollection.Name)]
public sealed class PasswordFormTests(BrowserApp app)
{
    [Fact]
    public async Task A_wrong_current_password_clears_only_that_field_and_its_message_goes_when_retyped()
    {
        var page = await app.LoginAsync("acceptor");
        await page.GotoAsync("/account/password");
        await page.FillAsync("#currentPassword", "Not-the-password-9");
        await page.FillAsync("#newPassword", "Acceptor-new-2026");
        await page.FillAsync("#confirmPassword", "Acceptor-new-2026");
        await page.ClickAsync("#password-submit");

        var error = page.Locator("#password-error");
        await Assertions.Expect(error).ToHaveTextAsync("当前密码不正确");
        // The message stands under the current password, which is emptied and focused; the rest stays.
        await Assertions.Expect(page.Locator(".gg-field-error #currentPassword")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#currentPassword")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#currentPassword")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#newPassword")).ToHaveValueAsync("Acceptor-new-2026");
        await Assertions.Expect(page.Locator("#confirmPassword")).ToHaveValueAsync("Acceptor-new-2026");
        await BrowserApp.ShotAsync(page, "password-wrong-current");

        await page.Locator("#currentPassword").PressSequentiallyAsync("x");
        await Assertions.Expect(error).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".gg-field-error")).ToHaveCountAsync(0);

        // Mismatched confirmation: named under the confirmation field, the current password kept.
        await page.FillAsync("#currentPassword", app.Password("acceptor"));
        await page.FillAsync("#confirmPassword", "Acceptor-new-2027");
        await page.ClickAsync("#password-submit");
        await Assertions.Expect(page.Locator(".gg-field-error #confirmPassword")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#password-error")).ToHaveTextAsync("两次输入的新密码不一致");
        await Assertions.Expect(page.Locator("#currentPassword")).ToHaveValueAsync(app.Password("acceptor"));
    }

    [Fact]
    public async Task Without_the_script_the_redirect_names_the_field_too()
    {
        var page = await app.LoginAsync("acceptor");
        await page.GotoAsync("/account/password?error=" + Uri.EscapeDataString("两次输入的新密码不一致") + "&field=confirmPassword");
        await Assertions.Expect(page.Locator(".gg-field-error #confirmPassword")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#password-error")).ToHaveTextAsync("两次输入的新密码不一致");
        await page.Locator("#confirmPassword").PressSequentiallyAsync("a");
        await Assertions.Expect(page.Locator("#password-error")).ToHaveCountAsync(0);
    }
}
