<?php
// Sets up and reads a test Moodle through Moodle's own APIs, one action per run:
//   php fixtures.php MOODLE_DIR ACTION ARGS... ; prints the result as JSON.
// Only for the real-Moodle integration tests: it trusts its arguments.
define('CLI_SCRIPT', true);
require($argv[1] . '/config.php');
require_once($CFG->dirroot . '/course/lib.php');
require_once($CFG->dirroot . '/user/lib.php');
require_once($CFG->dirroot . '/group/lib.php');
require_once($CFG->libdir . '/enrollib.php');
require_once($CFG->dirroot . '/mod/lti/locallib.php');

// As the site's administrator, as IT would do these things.
\core\session\manager::set_user(get_admin());

$action = $argv[2];
$args = array_slice($argv, 3);
$result = null;
set_exception_handler(function (Throwable $e) {
    // Where it failed, not only Moodle's one-line message.
    fwrite(STDERR, get_class($e) . ': ' . $e->getMessage() . "\n" . $e->getTraceAsString() . "\n");
    exit(1);
});
switch ($action) {
    case 'course':
        [$shortname, $fullname] = $args;
        $result = (int) create_course((object) [
            'shortname' => $shortname, 'fullname' => $fullname, 'category' => 1,
            'enablecompletion' => 1, 'format' => 'topics', 'numsections' => 2,
        ])->id;
        break;
    case 'user':
        [$username, $firstname, $lastname, $email] = $args;
        $result = (int) user_create_user((object) [
            'username' => $username, 'password' => 'Peerloop-1!', 'firstname' => $firstname,
            'lastname' => $lastname, 'email' => $email, 'auth' => 'manual', 'confirmed' => 1,
            'mnethostid' => $CFG->mnet_localhost_id,
        ]);
        break;
    case 'enrol':
        [$courseid, $userid, $role] = $args;
        $roleid = $DB->get_field('role', 'id', ['shortname' => $role], MUST_EXIST);
        $manual = enrol_get_plugin('manual');
        $instance = $DB->get_record('enrol', ['enrol' => 'manual', 'courseid' => (int) $courseid]);
        if (!$instance) {
            $instance = $DB->get_record('enrol',
                ['id' => $manual->add_default_instance(get_course((int) $courseid))], '*', MUST_EXIST);
        }
        $manual->enrol_user($instance, (int) $userid, $roleid);
        $result = true;
        break;
    case 'group':
        $courseid = (int) array_shift($args);
        $name = array_shift($args);
        $groupid = groups_create_group((object) ['courseid' => $courseid, 'name' => $name]);
        foreach ($args as $userid) {
            groups_add_member($groupid, (int) $userid);
        }
        $result = (int) $groupid;
        break;
    case 'no-tours':
        $DB->set_field('tool_usertours_tours', 'enabled', 0);
        \cache::make('tool_usertours', 'tourdata')->purge();
        $result = true;
        break;
    case 'tool-in-chooser':
        // What IT does under the tool's "Tool configuration usage": show it in the chooser.
        [$typeid] = $args;
        $DB->set_field('lti_types', 'coursevisible', LTI_COURSEVISIBLE_ACTIVITYCHOOSER, ['id' => (int) $typeid]);
        $result = true;
        break;
    case 'tool-types':
        $result = array_values($DB->get_records('lti_types', null, 'id', 'id, name, baseurl, clientid, state, coursevisible'));
        break;
    case 'lti-instances':
        [$courseid] = $args;
        $result = array_values($DB->get_records_sql(
            'SELECT cm.id AS cmid, l.id, l.name, l.typeid, l.toolurl, l.instructorcustomparameters
               FROM {lti} l
               JOIN {course_modules} cm ON cm.instance = l.id
               JOIN {modules} m ON m.id = cm.module AND m.name = \'lti\'
              WHERE l.course = ? ORDER BY l.id', [(int) $courseid]));
        break;
    case 'grades':
        [$courseid] = $args;
        $result = array_values($DB->get_records_sql(
            'SELECT g.id, u.username, gi.itemname, gi.itemtype, gi.itemmodule, g.finalgrade, g.rawgrade, gi.grademax
               FROM {grade_grades} g
               JOIN {grade_items} gi ON gi.id = g.itemid
               JOIN {user} u ON u.id = g.userid
              WHERE gi.courseid = ? AND gi.itemtype = \'mod\' ORDER BY g.id', [(int) $courseid]));
        break;
    case 'bridge-token':
        // The bridge's web service user, role, service and token, as moodle-bridge/README.md
        // (section 1) tells IT to make them; the capabilities are the arguments.
        require_once($CFG->dirroot . '/webservice/lib.php');
        set_config('enablewebservices', 1);
        set_config('webserviceprotocols', 'rest');
        $user = user_create_user((object) [
            'username' => 'peerloop_ws', 'password' => random_string(24) . 'Aa1!',
            'firstname' => 'PeerLoop', 'lastname' => 'Bridge', 'email' => 'peerloop_ws@example.edu',
            'auth' => 'manual', 'confirmed' => 1, 'mnethostid' => $CFG->mnet_localhost_id,
        ]);
        $roleid = create_role('PeerLoop bridge', 'peerloopbridge', 'For PeerLoop\'s web service user', '');
        set_role_contextlevels($roleid, [CONTEXT_SYSTEM]);
        $system = context_system::instance();
        foreach ($args as $capability) {
            assign_capability($capability, CAP_ALLOW, $roleid, $system->id, true);
        }
        role_assign($roleid, $user, $system->id);
        $serviceid = $DB->insert_record('external_services', (object) [
            'name' => 'PeerLoop bridge', 'enabled' => 1, 'restrictedusers' => 1,
            'component' => null, 'timecreated' => time(), 'downloadfiles' => 0, 'uploadfiles' => 0,
        ]);
        foreach (['core_webservice_get_site_info', 'core_course_get_contents',
                'core_course_get_course_module_by_instance',
                'core_completion_get_activities_completion_status',
                'core_completion_get_course_completion_status', 'core_enrol_get_enrolled_users',
                'core_group_get_course_groups', 'core_group_get_group_members'] as $function) {
            $DB->insert_record('external_services_functions',
                (object) ['externalserviceid' => $serviceid, 'functionname' => $function]);
        }
        $DB->insert_record('external_services_users',
            (object) ['externalserviceid' => $serviceid, 'userid' => $user, 'timecreated' => time()]);
        $result = \core_external\util::generate_token(EXTERNAL_TOKEN_PERMANENT,
            \core_external\util::get_service_by_id($serviceid), $user, $system);
        break;
    case 'grant':
        // IT adds a capability to the bridge's role, as the guide's table says.
        [$capability] = $args;
        $roleid = $DB->get_field('role', 'id', ['shortname' => 'peerloopbridge'], MUST_EXIST);
        assign_capability($capability, CAP_ALLOW, $roleid, context_system::instance()->id, true);
        $result = true;
        break;
    case 'plugin-config':
        [$name, $value] = $args;
        set_config($name, $value, 'local_peerloop');
        $result = true;
        break;
    case 'plugin-version':
        $result = get_config('local_peerloop', 'version');
        break;
    case 'complete-module':
        // What Moodle does when a learner meets a module's completion rule (or marks it done).
        [$cmid, $userid] = $args;
        require_once($CFG->libdir . '/completionlib.php');
        $cm = get_coursemodule_from_id('', (int) $cmid, 0, false, MUST_EXIST);
        $course = get_course($cm->course);
        (new completion_info($course))->update_state($cm, COMPLETION_COMPLETE, (int) $userid, true);
        $result = true;
        break;
    case 'complete-silently':
        // As a bulk completion edit or a grade import leaves it: the state, and no event.
        [$cmid, $userid] = $args;
        require_once($CFG->libdir . '/completionlib.php');
        $DB->insert_record('course_modules_completion', (object) [
            'coursemoduleid' => (int) $cmid, 'userid' => (int) $userid,
            'completionstate' => COMPLETION_COMPLETE, 'timemodified' => time(),
        ]);
        \cache::make('core', 'completion')->purge();
        $result = true;
        break;
    case 'page':
        // A page module with manual completion: something a post-course space can wait for.
        [$courseid, $name] = $args;
        require_once($CFG->dirroot . '/course/modlib.php');
        $course = get_course((int) $courseid);
        $info = create_module((object) [
            'modulename' => 'page', 'course' => $course->id, 'section' => 1, 'visible' => 1,
            'name' => $name, 'content' => '<p>Read this.</p>', 'contentformat' => FORMAT_HTML,
            'display' => 0, 'printintro' => 0, 'printlastmodified' => 0,
            'completion' => COMPLETION_TRACKING_MANUAL, 'introeditor' => ['text' => '', 'format' => FORMAT_HTML, 'itemid' => 0],
        ]);
        $result = (int) $info->coursemodule;
        break;
    case 'plugin-facts':
        // local_peerloop as Moodle itself sees it: its privacy metadata (with every string there),
        // its settings page, the observers Moodle calls, and its task class.
        require_once($CFG->libdir . '/adminlib.php');
        $metadata = (new \core_privacy\manager())->get_metadata_for_components()['local_peerloop'] ?? null;
        $privacy = [];
        foreach ($metadata ? $metadata->get_collection() : [] as $item) {
            $fields = [];
            foreach ($item->get_privacy_fields() as $field => $string) {
                $fields[$field] = get_string($string, 'local_peerloop');
            }
            $privacy[] = ['type' => get_class($item), 'name' => $item->get_name(),
                'summary' => get_string($item->get_summary(), 'local_peerloop'), 'fields' => $fields];
        }
        $page = admin_get_root()->locate('local_peerloop');
        $settings = [];
        foreach ($page ? $page->settings : [] as $setting) {
            $settings[] = $setting->name;
        }
        $observed = [];
        foreach (\core\event\manager::get_all_observers() as $event => $observers) {
            foreach ($observers as $observer) {
                if (str_contains((string) $observer->callable, 'local_peerloop')) {
                    $observed[] = $event;
                }
            }
        }
        $result = ['privacy' => $privacy, 'settings' => $settings, 'observed' => $observed,
            'task' => class_exists('\\local_peerloop\\task\\send_event')];
        break;
    case 'lti-activity':
        // An External tool activity of a preconfigured tool, as a teacher adds one without
        // choosing content: PeerLoop asks its facilitator to set up the space at first launch.
        [$courseid, $typeid, $name] = $args;
        require_once($CFG->dirroot . '/course/modlib.php');
        $info = create_module((object) [
            'modulename' => 'lti', 'course' => (int) $courseid, 'section' => 1, 'visible' => 1,
            'name' => $name, 'typeid' => (int) $typeid, 'toolurl' => '', 'securetoolurl' => '',
            'instructorchoicesendname' => 1, 'instructorchoicesendemailaddr' => 1,
            'instructorchoiceacceptgrades' => 0, 'launchcontainer' => LTI_LAUNCH_CONTAINER_DEFAULT,
            'grade' => 0, 'showtitlelaunch' => 1, 'showdescriptionlaunch' => 0, 'icon' => '',
            'secureicon' => '', 'instructorcustomparameters' => '',
            'introeditor' => ['text' => '', 'format' => FORMAT_HTML, 'itemid' => 0],
        ]);
        $result = (int) $info->coursemodule;
        break;
    case 'courses-except':
        // The courses besides the site and those named: what a restore made.
        [$sql, $params] = $DB->get_in_or_equal(array_map('intval', array_merge([SITEID], $args)),
            SQL_PARAMS_QM, 'param', false);
        $result = array_map('intval', array_keys($DB->get_records_select('course', "id $sql", $params, 'id', 'id')));
        break;
    case 'adhoc-tasks':
        $result = (int) $DB->count_records('task_adhoc', ['component' => 'local_peerloop']);
        break;
    default:
        fwrite(STDERR, "Unknown action $action\n");
        exit(2);
}
echo "\nPEERLOOP-RESULT ", json_encode($result), "\n";
