using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.CorsAllowsEveryOriginAnalyzer, CdkLint.CodeFixes.Rules.CorsAllowsEveryOriginFixer>;

namespace CdkLint.Tests.Rules
{
    public class CorsAllowsEveryOriginTests
    {
        private const string ApiGateway = "using Amazon.CDK.AWS.APIGateway;\n";
        private const string Origins = "cdklint.allowed_cors_origins = https://shop.example-shop.com, https://admin.example-shop.com";

        [Theory, CdkVersions]
        public Task Every_cors_surface_is_fixed_with_the_teams_origins(CdkVersion version) => VerifyCS.Fix(version,
            Code.StackWith(ApiGateway, """
                        var api = new RestApi(this, "Api", new RestApiProps
                        {
                            DefaultCorsPreflightOptions = new CorsOptions { AllowOrigins = {|CDK2004:Cors.ALL_ORIGINS|}, AllowMethods = Cors.ALL_METHODS },
                        });
                        api.Root.AddResource("items").AddCorsPreflight(new CorsOptions { AllowOrigins = {|CDK2004:new[] { "https://a.example.org", "*" }|} });
                        new Amazon.CDK.AWS.S3.Bucket(this, "B", new BucketProps { Cors = new[] { new CorsRule { AllowedOrigins = {|CDK2004:new[] { "*" }|}, AllowedMethods = new[] { HttpMethods.GET }, AllowedHeaders = new[] { "*" } } } });
                        fn.AddFunctionUrl(new FunctionUrlOptions { Cors = new FunctionUrlCorsOptions { AllowedOrigins = {|CDK2004:new[] { "*" }|} } });
            """, parameters: ", Function fn"),
            Code.StackWith(ApiGateway, """
                        var api = new RestApi(this, "Api", new RestApiProps
                        {
                            DefaultCorsPreflightOptions = new CorsOptions { AllowOrigins = new[] { "https://shop.example-shop.com", "https://admin.example-shop.com" }, AllowMethods = Cors.ALL_METHODS },
                        });
                        api.Root.AddResource("items").AddCorsPreflight(new CorsOptions { AllowOrigins = new[] { "https://shop.example-shop.com", "https://admin.example-shop.com" } });
                        new Amazon.CDK.AWS.S3.Bucket(this, "B", new BucketProps { Cors = new[] { new CorsRule { AllowedOrigins = new[] { "https://shop.example-shop.com", "https://admin.example-shop.com" }, AllowedMethods = new[] { HttpMethods.GET }, AllowedHeaders = new[] { "*" } } } });
                        fn.AddFunctionUrl(new FunctionUrlOptions { Cors = new FunctionUrlCorsOptions { AllowedOrigins = new[] { "https://shop.example-shop.com", "https://admin.example-shop.com" } } });
            """, parameters: ", Function fn"),
            editorConfig: Origins);

        [Theory, CdkVersions]
        public async Task No_fix_without_the_option(CdkVersion version)
        {
            var source = Code.StackWith(ApiGateway, """
                        new RestApi(this, "Api", new RestApiProps { DefaultCorsPreflightOptions = new CorsOptions { AllowOrigins = {|CDK2004:Cors.ALL_ORIGINS|} } });
            """);
            await VerifyCS.Fix(version, source, source);
        }

        [Theory]
        [InlineData(CdkVersion.V2_160)]
        [InlineData(CdkVersion.V2_277)]
        public Task Http_api_cors_where_cdk_has_the_stable_http_api(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith("using Amazon.CDK.AWS.Apigatewayv2;\n", """
                        new HttpApi(this, "Http", new HttpApiProps { CorsPreflight = new CorsPreflightOptions { AllowOrigins = {|CDK2004:new[] { "*" }|} } });
                        new HttpApi(this, "Listed", new HttpApiProps { CorsPreflight = new CorsPreflightOptions { AllowOrigins = new[] { "https://shop.example-shop.com" } } });
            """));

        [Theory, CdkVersions]
        public Task Explicit_lists_other_wildcards_and_non_constants_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith(ApiGateway, """
                        new RestApi(this, "Api", new RestApiProps { DefaultCorsPreflightOptions = new CorsOptions { AllowOrigins = new[] { "https://shop.example-shop.com" }, AllowHeaders = new[] { "*" }, AllowMethods = Cors.ALL_METHODS } });
                        new RestApi(this, "FromConfig", new RestApiProps { DefaultCorsPreflightOptions = new CorsOptions { AllowOrigins = origins } });
                        new Amazon.CDK.AWS.S3.Bucket(this, "B", new BucketProps { Cors = new[] { new CorsRule { AllowedOrigins = new[] { "https://*.example-shop.com" }, AllowedMethods = new[] { HttpMethods.GET } } } });
            """, parameters: ", string[] origins"));

        [Theory, CdkVersions]
        public Task Collection_expressions_and_locals_are_read(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith(ApiGateway, """
                        new RestApi(this, "Api", new RestApiProps { DefaultCorsPreflightOptions = new CorsOptions { AllowOrigins = {|CDK2004:["*"]|} } });
                        var origins = new[] { "https://a.example.org", "*" };
                        new Amazon.CDK.AWS.S3.Bucket(this, "B", new BucketProps { Cors = [new CorsRule { AllowedOrigins = {|CDK2004:origins|}, AllowedMethods = [HttpMethods.GET] }] });
                        new Amazon.CDK.AWS.S3.Bucket(this, "C", new BucketProps { Cors = [new CorsRule { AllowedOrigins = {|CDK2004:[.. Shared]|}, AllowedMethods = [HttpMethods.GET] }] });
                        new Amazon.CDK.AWS.S3.Bucket(this, "D", new BucketProps { Cors = [new CorsRule { AllowedOrigins = ["https://a.example.org"], AllowedMethods = [HttpMethods.GET] }] });
            """, "        private static readonly string[] Shared = { \"*\" };"));
    }
}
