using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

using GridGov.Infrastructure.Security;

namespace GridGov.Features.Identity;

// Hands the circuit's user to CurrentUser so that services used by interactive pages (the DbContext
// and its data-scope filter above all) see the same caller as an HTTP request would.
sealed class UserCircuitHandler(AuthenticationStateProvider auth, CurrentUser user, IHttpContextAccessor http)
    : CircuitHandler, IDisposable
{
    // Clicks and typing in the tab count as activity for the idle timeout.
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            (auth as RevalidatingAuthState)?.Touch();
            return next(context);
        };

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await auth.GetAuthenticationStateAsync();
        user.SetCircuitUser(state.User, http.HttpContext?.Connection.RemoteIpAddress?.ToString());
        auth.AuthenticationStateChanged += OnChanged;
    }

    async void OnChanged(Task<AuthenticationState> task)
    {
        var state = await task;
        user.SetCircuitUser(state.User, null);
    }

    public void Dispose() => auth.AuthenticationStateChanged -= OnChanged;
}
