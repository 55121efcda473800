using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Organization;

// The org tables as the scoped context shows them (both are place-bound: the scope filter applies).
public static class OrganizationSets
{
    extension(GridDbContext db)
    {
        public DbSet<OrgUnit> OrgUnits => db.Set<OrgUnit>();
        public DbSet<Department> Departments => db.Set<Department>();
    }
}
