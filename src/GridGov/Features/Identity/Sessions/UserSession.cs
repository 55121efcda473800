using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Identity;

// One sign-in: a browser's cookie or a terminal's tokens. Its id travels in the cookie and the tokens
// (claim "sid"); logging out ends it, and with it every request, tab and hub connection it opened.
// Rows are never deleted by the application: with the audit records they are the record of who was
// signed in from where, and when.
public sealed class UserSession
{
    public string Id { get; set; } = "";
    public long UserId { get; set; }
    public SessionKind Kind { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    // How many times a terminal's refresh token was used; every refresh token is good once (its
    // claim "rg" must equal this), and presenting a used one again ends the session (stolen).
    public int Refreshes { get; set; }
    public string? Ip { get; set; }
}

public enum SessionKind { Browser, Token }

sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("UserSessions");
        b.Property(s => s.Id).HasMaxLength(32);
        b.Property(s => s.Ip).HasMaxLength(64);
        b.HasIndex(s => s.UserId);
    }
}
