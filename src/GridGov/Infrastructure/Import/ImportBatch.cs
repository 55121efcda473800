using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Infrastructure.Import;

public enum ImportState { Queued, Running, Done, Failed }

// One file through the pipeline (ADR 0014): the stored file is the staging, `DoneRows` the cursor.
// Each chunk of rows is written, quarantined and counted in one transaction with the cursor, so a
// crash loses nothing and the batch resumes where its last chunk ended. It belongs to the uploader's
// unit (the data scope) and carries the uploader's scope, which its rows are written under.
public class ImportBatch : IGridScoped
{
    public long Id { get; set; }
    public string Target { get; set; } = "";
    public string TargetName { get; set; } = "";
    public string FileName { get; set; } = "";
    public string FileSha256 { get; set; } = "";
    public string Format { get; set; } = "";
    public string? Encoding { get; set; }
    public string? SourceSystem { get; set; }
    public ImportState State { get; set; }
    public string? Error { get; set; }
    public int TotalRows { get; set; }
    public int DoneRows { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }
    public long GridCode { get; set; }
    public long CreatedById { get; set; }
    public string CreatedByName { get; set; } = "";
    public long CreatedByUnit { get; set; }
    public string ScopeJson { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}

// A rejected row kept in quarantine: which row, which field, why; the row's values are encrypted
// (they hold ID and phone numbers) and come back only in the corrected-file template.
public class ImportIssue : IGridScoped
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    public int RowNumber { get; set; }
    public string Field { get; set; } = "";
    public string Reason { get; set; } = "";
    public string RowCipher { get; set; } = "";
    public long GridCode { get; set; }
}

sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> b)
    {
        b.ToTable("ImportBatches");
        b.Property(x => x.Target).HasMaxLength(40);
        b.Property(x => x.TargetName).HasMaxLength(40);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.FileSha256).HasMaxLength(64);
        b.Property(x => x.Format).HasMaxLength(10);
        b.Property(x => x.Encoding).HasMaxLength(20);
        b.Property(x => x.SourceSystem).HasMaxLength(60);
        b.Property(x => x.Error).HasMaxLength(1000);
        b.Property(x => x.CreatedByName).HasMaxLength(50);
        b.Property(x => x.ScopeJson).HasMaxLength(4000);
        b.HasIndex(x => new { x.GridCode, x.Id });
        b.HasIndex(x => x.State);
    }
}

sealed class ImportIssueConfiguration : IEntityTypeConfiguration<ImportIssue>
{
    public void Configure(EntityTypeBuilder<ImportIssue> b)
    {
        b.ToTable("ImportIssues");
        b.Property(x => x.Field).HasMaxLength(60);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.RowCipher).HasMaxLength(20_000);
        b.HasIndex(x => new { x.BatchId, x.RowNumber });
    }
}
