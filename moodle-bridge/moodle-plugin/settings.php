<?php
// This file is part of Moodle - https://moodle.org/
//
// Moodle is free software: you can redistribute it and/or modify
// it under the terms of the GNU General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.
//
// Moodle is distributed in the hope that it will be useful,
// but WITHOUT ANY WARRANTY; without even the implied warranty of
// MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
// GNU General Public License for more details.
//
// You should have received a copy of the GNU General Public License
// along with Moodle.  If not, see <https://www.gnu.org/licenses/>.

/**
 * Site administration settings: where PeerLoop is and the secret both sides sign with.
 *
 * @package    local_peerloop
 * @copyright  2026 PeerLoop contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

if ($hassiteconfig) {
    $settings = new admin_settingpage('local_peerloop', new lang_string('pluginname', 'local_peerloop'));
    $ADMIN->add('localplugins', $settings);

    if ($ADMIN->fulltree) {
        $settings->add(new admin_setting_configtext(
            'local_peerloop/peerloopurl',
            new lang_string('peerloopurl', 'local_peerloop'),
            new lang_string('peerloopurl_desc', 'local_peerloop'),
            '',
            PARAM_URL
        ));
        $settings->add(new admin_setting_configpasswordunmask(
            'local_peerloop/secret',
            new lang_string('secret', 'local_peerloop'),
            new lang_string('secret_desc', 'local_peerloop'),
            ''
        ));
    }
}
