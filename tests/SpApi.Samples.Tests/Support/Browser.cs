using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace SpApi.Samples.Tests.Support;

/// <summary>
/// Headless Chromium from the distribution (Debian's <c>chromium</c> and <c>chromium-driver</c>, installed by .ci/run),
/// driven through WebDriver. Without them the test is skipped with the install command, except in CI (CI=true), where
/// a missing browser fails the test.
/// </summary>
internal static class Browser
{
    private static readonly string[] BrowserPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
    private static readonly string[] DriverPaths = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"];

    public static ChromeDriver StartOrSkip()
    {
        var browser = Environment.GetEnvironmentVariable("SPAPI_CHROMIUM") ?? BrowserPaths.FirstOrDefault(File.Exists);
        var driver = Environment.GetEnvironmentVariable("SPAPI_CHROMEDRIVER") ?? DriverPaths.FirstOrDefault(File.Exists);
        if (browser is null || driver is null)
        {
            var message = $"Chromium or chromedriver not found ({(browser is null ? "no browser in " + string.Join(", ", BrowserPaths) : "")}" +
                          $"{(driver is null ? " no driver in " + string.Join(", ", DriverPaths) : "")}). " +
                          "Install them with: apt-get install -y chromium chromium-driver (or set SPAPI_CHROMIUM and SPAPI_CHROMEDRIVER).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail("In CI the browser test must run. " + message);
            Assert.Ignore(message);
        }
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = browser };
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1200,900",
            "--no-first-run", "--disable-extensions", $"--user-data-dir={Path.Combine(Path.GetTempPath(), "spapi-chromium-" + Guid.NewGuid().ToString("N"))}");
        var chrome = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
        chrome.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(60);
        return chrome;
    }

    /// <summary>Saves a screenshot and the page source to artifacts/browser/ (on failure).</summary>
    public static void SaveEvidence(IWebDriver driver, string name)
    {
        var dir = Repo.Artifacts("browser");
        try
        {
            ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(Path.Combine(dir, name + ".png"));
            File.WriteAllText(Path.Combine(dir, name + ".html"), $"<!-- {driver.Url} -->\n" + driver.PageSource);
            TestContext.Out.WriteLine($"Screenshot: {Path.Combine(dir, name + ".png")}");
        }
        catch (WebDriverException e)
        {
            TestContext.Out.WriteLine($"No screenshot: {e.Message}");
        }
    }
}
