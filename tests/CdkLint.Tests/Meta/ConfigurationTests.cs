using CdkLint.Cdk;
using Xunit;

namespace CdkLint.Tests.Meta
{
    public class ConfigurationTests
    {
        [Fact]
        public void Cdk_json_flags_are_read_from_context()
        {
            var json = CdkJson.Parse("""
                {
                  "app": "dotnet run --project src/App/App.csproj",
                  "watch": { "include": ["**"], "exclude": ["README.md", "cdk*.json"] },
                  "context": {
                    "@aws-cdk/aws-apigateway:disableCloudWatchRole": true,
                    "@aws-cdk/aws-s3:publicAccessBlockedByDefault": false,
                    "@aws-cdk/core:target-partitions": ["aws", "aws-cn"],
                    "@aws-cdk/aws-lambda:useCdkManagedLogGroup": "true",
                    "retries": 3.5e0,
                    "escaped": "a\"b\\c\u0041"
                  }
                }
                """);
            Assert.Null(json.Error);
            Assert.True(json.IsFlagOn("@aws-cdk/aws-apigateway:disableCloudWatchRole"));
            Assert.False(json.IsFlagOn("@aws-cdk/aws-s3:publicAccessBlockedByDefault"));
            Assert.True(json.IsFlagOn("@aws-cdk/aws-lambda:useCdkManagedLogGroup"));
            Assert.False(json.IsFlagOn("@aws-cdk/core:target-partitions"));
            Assert.False(json.IsFlagOn("absent"));
        }

        [Theory]
        [InlineData("{ \"context\": { \"a\": tru } }", "line 1, column 21")]
        [InlineData("{\n  \"context\": {\n    \"a\": true,\n  }\n}", "line 4, column 3")]
        [InlineData("{ \"context\": ", "line 1, column 14")]
        [InlineData("[1, 2", "line 1, column 6")]
        public void Malformed_cdk_json_reports_where_and_sets_no_flag(string text, string where)
        {
            var json = CdkJson.Parse(text);
            Assert.NotNull(json.Error);
            Assert.StartsWith(where, json.Error);
            Assert.False(json.IsFlagOn("a"));
        }

        [Fact]
        public void A_cdk_json_without_context_sets_no_flag()
        {
            Assert.Null(CdkJson.Parse("{ \"app\": \"dotnet run\" }").Error);
            Assert.False(CdkJson.Parse("{ \"app\": \"dotnet run\" }").IsFlagOn("x"));
            Assert.False(CdkJson.Parse(string.Empty).IsFlagOn("x"));
        }
    }
}
