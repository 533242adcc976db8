using System.Collections.Generic;
using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK2007. Storage that CDK leaves unencrypted at rest unless asked, or that the app turns encryption off for. The
    /// cases are rows of one table (construct, prop, what is unsafe, the fix); two shapes need more than a row: EBS
    /// block devices (<c>BlockDeviceVolume.Ebs(size, options)</c>) and OpenSearch's nested <c>EncryptionAtRest</c>.
    /// S3 buckets and DynamoDB tables are always encrypted; SQS and Kinesis default to encrypted; EFS in CDK v2 always
    /// writes <c>Encrypted: true</c> unless told <c>false</c>; read replicas and snapshot restores inherit encryption.
    /// </summary>
    public sealed class StorageNotEncryptedAnalyzer : CdkAnalyzer
    {
        /// <summary>Diagnostic property: the edit the fixer makes (<see cref="Fixes"/>), absent when there is none.</summary>
        internal const string FixKey = "Fix";

        /// <summary>Diagnostic property: the boolean prop a <see cref="Fixes.SetTrue"/> fix sets where the props leave it unset.</summary>
        internal const string PropKey = "Prop";

        /// <summary>Diagnostic property: the fix's title, which says what the change does to a deployed resource.</summary>
        internal const string TitleKey = "Title";

        private const string Replaced = "the {0} is replaced by a new, empty one";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK2007);

        /// <summary>What a row judges unsafe.</summary>
        private enum Unsafe
        {
            /// <summary>The boolean prop unset (and no key prop) or a constant false.</summary>
            UnsetOrFalse,

            /// <summary>Only a constant false: the default is encrypted, or inherited.</summary>
            False,

            /// <summary>The enum prop holds UNENCRYPTED.</summary>
            Unencrypted,
        }

        /// <summary>The fixes the fixer knows, by the value of <see cref="FixKey"/>.</summary>
        internal static class Fixes
        {
            public const string SetTrue = "SetTrue";
            public const string QueueManaged = "Amazon.CDK.AWS.SQS.QueueEncryption.SQS_MANAGED";
            public const string StreamManaged = "Amazon.CDK.AWS.Kinesis.StreamEncryption.MANAGED";
            public const string EbsOptions = "EbsOptions";
            public const string OpenSearch = "OpenSearch";
        }

        private sealed class Row
        {
            public Row(string type, string prop, Unsafe @unsafe, string? keyProp, string what, string? fix, string? title)
            {
                Type = type;
                Prop = prop;
                Unsafe = @unsafe;
                KeyProp = keyProp;
                Fix = fix;
                Title = title;
            }

            public string Type { get; }

            public string Prop { get; }

            public Unsafe Unsafe { get; }

            /// <summary>A prop whose presence turns encryption on (a key).</summary>
            public string? KeyProp { get; }

            public string? Fix { get; }

            public string? Title { get; }
        }

        private static readonly Row[] Rows =
        {
            new("Amazon.CDK.AWS.RDS.DatabaseInstance", "StorageEncrypted", Unsafe.UnsetOrFalse, "StorageEncryptionKey", "database", Fixes.SetTrue,
                "Encrypt the database's storage (replaces the database: a new, empty one)"),
            new("Amazon.CDK.AWS.RDS.DatabaseCluster", "StorageEncrypted", Unsafe.UnsetOrFalse, "StorageEncryptionKey", "cluster", Fixes.SetTrue,
                "Encrypt the cluster's storage (replaces the cluster: a new, empty one)"),
            new("Amazon.CDK.AWS.RDS.DatabaseClusterFromSnapshot", "StorageEncrypted", Unsafe.False, null, "cluster", null, null),
            new("Amazon.CDK.AWS.EC2.Volume", "Encrypted", Unsafe.UnsetOrFalse, "EncryptionKey", "volume", Fixes.SetTrue,
                "Encrypt the volume (replaces it: a new, empty volume; an EBS volume cannot be encrypted in place)"),
            new("Amazon.CDK.AWS.EFS.FileSystem", "Encrypted", Unsafe.False, null, "file system", Fixes.SetTrue,
                "Encrypt the file system (replaces it: a new, empty file system)"),
            new("Amazon.CDK.AWS.SQS.Queue", "Encryption", Unsafe.Unencrypted, null, "queue", Fixes.QueueManaged,
                "Encrypt the queue with SSE-SQS (in place)"),
            new("Amazon.CDK.AWS.Kinesis.Stream", "Encryption", Unsafe.Unencrypted, null, "stream", Fixes.StreamManaged,
                "Encrypt the stream with the AWS managed key (in place)"),
        };

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            // Each row's construct type, looked up per creation: a user subclass is read at its base call, whose type is the
            // library type itself.
            var rows = new Dictionary<INamedTypeSymbol, (Row Row, INamedTypeSymbol? Enum)>(SymbolEqualityComparer.Default);
            foreach (var row in Rows)
            {
                if (symbols.Type(row.Type) is { } type)
                {
                    var enumType = row.Unsafe == Unsafe.Unencrypted && row.Fix is { } fix ? symbols.Type(fix.Substring(0, fix.LastIndexOf('.'))) : null;
                    rows.Add(type, (row, enumType));
                }
            }

            var domain = symbols.Type("Amazon.CDK.AWS.OpenSearchService.Domain");
            if (rows.Count > 0 || domain is not null)
            {
                context.RegisterConstructCreationAction((ctx, creation) =>
                {
                    if (rows.TryGetValue(creation.Type, out var match))
                    {
                        Check(ctx, creation, match.Row, match.Enum);
                    }
                    else if (SymbolEqualityComparer.Default.Equals(creation.Type, domain))
                    {
                        OpenSearchEncryption.Check(ctx, creation, symbols);
                    }
                });
            }

            var ebsOwners = new[] { symbols.Type("Amazon.CDK.AWS.EC2.BlockDeviceVolume"), symbols.Type("Amazon.CDK.AWS.AutoScaling.BlockDeviceVolume") };
            if (ebsOwners[0] is not null || ebsOwners[1] is not null)
            {
                context.RegisterOperationAction(
                    ctx =>
                    {
                        var call = (IInvocationOperation)ctx.Operation;
                        if (call.TargetMethod.Name == "Ebs" && call.TargetMethod.IsStatic
                            && (SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, ebsOwners[0]) || SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, ebsOwners[1])))
                        {
                            CheckEbs(ctx, call);
                        }
                    },
                    OperationKind.Invocation);
            }
        }

        private static void Check(OperationAnalysisContext ctx, ConstructCreation creation, Row row, INamedTypeSymbol? enumType)
        {
            var props = PropsReader.Read(creation, ctx.CancellationToken);
            if (props.TryGet(row.Prop, out var set))
            {
                var bad = row.Unsafe == Unsafe.Unencrypted
                    ? Constant.IsEnumMember(set.Value, enumType, "UNENCRYPTED")
                    : Constant.TryGetBool(set.Value, out var on) && !on;
                if (bad)
                {
                    var value = row.Unsafe == Unsafe.Unencrypted ? "UNENCRYPTED" : "false";
                    Report(ctx, set.Value.Syntax.GetLocation(), creation.DisplayName, $"sets {row.Prop} = {value}", row.Fix, row.Title, row.Prop);
                }

                return;
            }

            if (row.Unsafe == Unsafe.UnsetOrFalse && props.IsComplete && !(row.KeyProp is { } key && props.TryGet(key, out _)))
            {
                Report(ctx, creation.Location, creation.DisplayName, $"leaves {row.Prop} unset (CDK does not encrypt it then)", row.Fix, row.Title, row.Prop);
            }
        }

        /// <summary>`BlockDeviceVolume.Ebs(size)` or `Ebs(size, new EbsDeviceOptions { … })` without `Encrypted = true`.</summary>
        private static void CheckEbs(OperationAnalysisContext ctx, IInvocationOperation call)
        {
            const string title = "Encrypt the EBS volume (an instance using it is replaced; a launch template gets a new version)";
            IOperation? options = null;
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Name == "options" && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    options = argument.Value;
                }
            }

            var props = options is null ? PropsView.None : PropsReader.Read(options, ctx.CancellationToken);
            if (props.TryGet("Encrypted", out var set))
            {
                if (Constant.TryGetBool(set.Value, out var on) && !on)
                {
                    Report(ctx, set.Value.Syntax.GetLocation(), "The EBS block device", "sets Encrypted = false", Fixes.SetTrue, title);
                }

                return;
            }

            if (props.IsComplete && !props.TryGet("KmsKey", out _))
            {
                Report(ctx, call.Syntax.GetLocation(), "The EBS block device", "leaves Encrypted unset (EC2 then encrypts it only where the account turns on encryption by default)", Fixes.EbsOptions, title);
            }
        }

        internal static void Report(OperationAnalysisContext ctx, Location location, string what, string problem, string? fix, string? title, string? prop = null)
        {
            var properties = fix is null || title is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(FixKey, fix).Add(TitleKey, title);
            properties = prop is not null && fix is not null ? properties.Add(PropKey, prop) : properties;
            ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK2007, location, properties, what, problem));
        }
    }

    /// <summary>
    /// OpenSearch domains: encryption at rest is off unless <c>EncryptionAtRest</c> sets <c>Enabled = true</c> or gives a
    /// <c>KmsKey</c> (CDK then enables it). The fix is offered only where it is safe on a deployed domain: a constant
    /// engine version that is OpenSearch or Elasticsearch 6.7 or later (AWS turns encryption on in place only there; CDK
    /// throws below 5.1), and data and master instance types that are constants and not of the M3, R3 or T2 families
    /// (CDK throws at synth for those).
    /// </summary>
    internal static class OpenSearchEncryption
    {
        private const string Title = "Encrypt the domain at rest (in place, once: it cannot be turned off again)";

        public static void Check(OperationAnalysisContext ctx, ConstructCreation creation, CdkSymbols symbols)
        {
            var props = PropsReader.Read(creation, ctx.CancellationToken);
            var fix = Fixable(props, ctx.CancellationToken) ? StorageNotEncryptedAnalyzer.Fixes.OpenSearch : null;
            if (!props.TryGet("EncryptionAtRest", out var encryption))
            {
                if (props.IsComplete)
                {
                    StorageNotEncryptedAnalyzer.Report(ctx, creation.Location, creation.DisplayName, "leaves EncryptionAtRest unset (CDK does not encrypt it then)", fix, Title);
                }

                return;
            }

            var options = PropsReader.Read(encryption.Value, ctx.CancellationToken);
            if (options.TryGet("KmsKey", out _))
            {
                return;
            }

            if (options.TryGet("Enabled", out var enabled))
            {
                if (Constant.TryGetBool(enabled.Value, out var on) && !on)
                {
                    StorageNotEncryptedAnalyzer.Report(ctx, enabled.Value.Syntax.GetLocation(), creation.DisplayName, "sets EncryptionAtRest.Enabled = false", fix is null ? null : StorageNotEncryptedAnalyzer.Fixes.SetTrue, Title);
                }

                return;
            }

            if (options.IsComplete)
            {
                StorageNotEncryptedAnalyzer.Report(ctx, encryption.Value.Syntax.GetLocation(), creation.DisplayName, "sets EncryptionAtRest with neither Enabled = true nor a KmsKey", fix, Title);
            }
        }

        private static bool Fixable(PropsView props, System.Threading.CancellationToken cancellationToken)
        {
            if (!SupportsEncryption(props.ValueOf("Version")))
            {
                return false;
            }

            if (!props.TryGet("Capacity", out var capacity))
            {
                return true; // CDK's default data nodes are r5.large.search
            }

            var nodes = PropsReader.Read(capacity.Value, cancellationToken);
            if (!nodes.IsComplete)
            {
                return false;
            }

            foreach (var name in new[] { "DataNodeInstanceType", "MasterNodeInstanceType" })
            {
                if (nodes.TryGet(name, out var type)
                    && (!Constant.TryGetString(type.Value, out var text) || text.StartsWith("m3.", System.StringComparison.OrdinalIgnoreCase)
                        || text.StartsWith("r3.", System.StringComparison.OrdinalIgnoreCase) || text.StartsWith("t2.", System.StringComparison.OrdinalIgnoreCase)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>OpenSearch, or Elasticsearch 6.7 or later: `EngineVersion.OPENSEARCH_2_11`, `ELASTICSEARCH_7_10`, `EngineVersion.OpenSearch("2.11")`, ….</summary>
        private static bool SupportsEncryption(IOperation? version)
        {
            string? text = null;
            switch (ConstructCreation.Unwrap(version))
            {
                case IPropertyReferenceOperation { Property: { IsStatic: true, Name: var name } }:
                    if (name.StartsWith("OPENSEARCH", System.StringComparison.Ordinal))
                    {
                        return true;
                    }

                    text = name.StartsWith("ELASTICSEARCH_", System.StringComparison.Ordinal) ? name.Substring("ELASTICSEARCH_".Length).Replace('_', '.') : null;
                    break;
                case IInvocationOperation { TargetMethod: { IsStatic: true, Name: var method }, Arguments.Length: 1 } call when Constant.TryGetString(call.Arguments[0].Value, out var given):
                    if (method == "OpenSearch")
                    {
                        return true;
                    }

                    text = method == "Elasticsearch" ? given : null;
                    break;
            }

            return text is not null && System.Version.TryParse(text.Contains(".") ? text : text + ".0", out var parsed) && parsed >= new System.Version(6, 7);
        }
    }
}
