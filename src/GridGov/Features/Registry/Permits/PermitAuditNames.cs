using GridGov.Infrastructure.Database;

namespace GridGov.Features.Registry.Permits;

sealed class PermitAuditNames : AuditNames
{
    public override IEnumerable<(string Action, string Name)> Actions() => [(IssuePermit.CancelAction, "注销居住证")];

    public override IEnumerable<AuditEntity> Entities() =>
    [
        new(nameof(ResidencePermit), "居住证")
        {
            Properties = RegistryAuditNames.With(new()
            {
                ["PersonId"] = "持证人", ["Kind"] = "办证类型", ["IssuedOn"] = "签发日期", ["ExpiresOn"] = "有效期至", ["IssuedBy"] = "签发机关",
                ["CancelledOn"] = "注销日期", ["Reason"] = "注销原因",
            }),
            Values = new(RegistryAuditNames.RecordValues),
        },
    ];
}
