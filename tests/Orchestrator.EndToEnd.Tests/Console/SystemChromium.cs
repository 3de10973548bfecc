using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Orchestrator.EndToEnd.Tests.Console;

/// <summary>
/// Headless Chromium from the machine's packages (Debian's <c>chromium</c> and <c>chromium-driver</c>, which
/// <c>.ci/run</c> installs), driven by Selenium. Both paths are given, so Selenium Manager is never asked to find or
/// download a browser or driver; <c>SE_OFFLINE</c> would stop it from downloading if it were. Other paths:
/// <c>ORCHESTRATOR_TEST_CHROMIUM</c> and <c>ORCHESTRATOR_TEST_CHROMEDRIVER</c>.
/// </summary>
internal static class SystemChromium
{
    public const string BrowserVariable = "ORCHESTRATOR_TEST_CHROMIUM";
    public const string DriverVariable = "ORCHESTRATOR_TEST_CHROMEDRIVER";

    public static ChromeDriver Start()
    {
        var browser = PathFrom(BrowserVariable, "/usr/bin/chromium");
        var driver = PathFrom(DriverVariable, "/usr/bin/chromedriver");
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = browser };
        // Root in a container has no sandbox, and /dev/shm there is small.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1600");
        return new ChromeDriver(service, options, TimeSpan.FromMinutes(2));
    }

    private static string PathFrom(string variable, string fallback)
    {
        var path = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured ? configured : fallback;
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"No {Path.GetFileName(fallback)} at {path}: install Debian's packages (apt-get install -y chromium chromium-driver, as .ci/run does) or set {variable}.",
                path);
    }
}
