using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.KeyWithoutRotationAnalyzer, CdkLint.CodeFixes.Rules.KeyWithoutRotationFixer>;

namespace CdkLint.Tests.Rules
{
    public class KeyWithoutRotationTests
    {
        private const string Usings = "using Amazon.CDK.AWS.KMS;\n";

        [Theory, CdkVersions]
        public Task Symmetric_keys_without_rotation_are_fixed(CdkVersion version) => VerifyCS.Fix(version,
            Code.StackWith(Usings, """
                        {|CDK2009:new Key(this, "Data")|};
                        var keyProps = new KeyProps { Description = "orders" };
                        {|CDK2009:new Key(this, "Orders", keyProps)|};
                        new Key(this, "Legacy", new KeyProps { KeySpec = KeySpec.SYMMETRIC_DEFAULT, EnableKeyRotation = {|CDK2009:false|} });
            """),
            Code.StackWith(Usings, """
                        new Key(this, "Data", new KeyProps { EnableKeyRotation = true });
                        var keyProps = new KeyProps { Description = "orders", EnableKeyRotation = true };
                        new Key(this, "Orders", keyProps);
                        new Key(this, "Legacy", new KeyProps { KeySpec = KeySpec.SYMMETRIC_DEFAULT, EnableKeyRotation = true });
            """));

        [Theory, CdkVersions]
        public Task Keys_created_in_a_loop(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith(Usings, """
                        foreach (var tenant in new[] { "a", "b" })
                        {
                            {|CDK2009:new Key(this, "Tenant" + tenant, new KeyProps { Alias = "alias/tenant-" + tenant })|};
                        }
            """));

        [Theory, CdkVersions]
        public Task Rotating_asymmetric_hmac_and_imported_keys_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith(Usings, """
                        var rotate = (string)Node.TryGetContext("rotate") == "yes";
                        new Key(this, "Rotated", new KeyProps { EnableKeyRotation = true });
                        new Key(this, "Chosen", new KeyProps { EnableKeyRotation = rotate });
                        new Key(this, "Signing", new KeyProps { KeySpec = KeySpec.RSA_2048, KeyUsage = KeyUsage.SIGN_VERIFY });
                        new Key(this, "Mac", new KeyProps { KeySpec = KeySpec.HMAC_256, KeyUsage = KeyUsage.GENERATE_VERIFY_MAC });
                        Key.FromKeyArn(this, "Shared", "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
                        Amazon.CDK.AWS.KMS.Alias.FromAliasName(this, "Named", "alias/shared");
            """));

        [Theory]
        [InlineData(CdkVersion.V2_160)]
        [InlineData(CdkVersion.V2_277)]
        public Task A_rotation_period_rotates(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith(Usings, """
                        new Key(this, "Quarterly", new KeyProps { RotationPeriod = Duration.Days(90) });
            """));
    }
}
