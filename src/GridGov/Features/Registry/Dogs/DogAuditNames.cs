using GridGov.Infrastructure.Database;

namespace GridGov.Features.Registry.Dogs;

sealed class DogAuditNames : AuditNames
{
    public override IEnumerable<AuditEntity> Entities() =>
    [
        new(nameof(Dog), "犬只")
        {
            Properties = RegistryAuditNames.With(new()
            {
                ["KeeperId"] = "犬主", ["KeeperName"] = "犬主姓名", ["AddressId"] = "饲养地址", ["Name"] = "犬名", ["Breed"] = "品种", ["Colour"] = "毛色",
                ["Gender"] = "性别", ["BornOn"] = "出生日期", ["Restricted"] = "大型犬/烈性犬", ["LicenceNo"] = "养犬登记证号", ["LicenceExpires"] = "登记证有效期至",
                ["VaccinatedOn"] = "狂犬疫苗接种日期", ["ChipNo"] = "芯片号",
            }),
            Values = new(RegistryAuditNames.RecordValues),
        },
    ];
}
