<?php
// Router for PHP's built-in server in front of Moodle: Moodle uses "slash arguments"
// (/mod/lti/services.php/CourseSection/2/bindings/1/memberships, /pluginfile.php/...), which the
// built-in server does not split. For a path whose leading part names an existing .php file, run
// that script with the rest as PATH_INFO; leave everything else to the server.
$uri = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$root = $_SERVER['DOCUMENT_ROOT'];
if (preg_match('#^(.+?\.php)(/.*)$#', $uri, $parts) && is_file($root . $parts[1])) {
    $script = $root . $parts[1];
    $_SERVER['PATH_INFO'] = $parts[2];
    $_SERVER['SCRIPT_NAME'] = $parts[1];
    $_SERVER['SCRIPT_FILENAME'] = $script;
    $_SERVER['PHP_SELF'] = $parts[1] . $parts[2];
    chdir(dirname($script));
    require $script;
    return true;
}
return false;
